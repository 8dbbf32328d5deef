package io.controlautogeneracion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The Kubernetes manifests of deploy/k8s, every document of every file. */
record Manifests(List<JsonNode> documents) {
    static final Path DIR = ProjectFiles.path("deploy/k8s");

    static Manifests load() {
        List<JsonNode> docs = new ArrayList<>();
        for (Path file : ProjectFiles.list(DIR, ".yaml")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                docs.addAll(ProjectFiles.yamlDocuments(file));
            }
        }
        return new Manifests(docs);
    }

    /**
     * The Secret kustomize generates ({@code secretGenerator} of kustomization.yaml) as it would
     * be, with the placeholder values of its committed example, {@code secrets.env.example}.
     */
    static JsonNode generatedSecret() {
        JsonNode generator =
                ProjectFiles.yaml(DIR.resolve("kustomization.yaml"))
                        .path("secretGenerator")
                        .path(0);
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("kind", "Secret");
        secret.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = secret.putObject("stringData");
        String envs = generator.path("envs").path(0).asText();
        for (String line : ProjectFiles.read(DIR.resolve(envs + ".example")).lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                data.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return secret;
    }

    Optional<JsonNode> find(String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    /** The pod template of a workload (Deployment, StatefulSet, Job, CronJob). */
    static JsonNode podSpec(JsonNode workload) {
        JsonNode spec = workload.path("spec");
        if (workload.path("kind").asText().equals("CronJob")) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("spec");
    }

    List<JsonNode> workloads() {
        return documents.stream()
                .filter(
                        d ->
                                Set.of("Deployment", "StatefulSet", "Job", "CronJob")
                                        .contains(d.path("kind").asText()))
                .toList();
    }

    /**
     * The variables a container receives: its {@code env} names and the keys of the ConfigMaps and
     * Secrets it takes whole ({@code envFrom}).
     */
    Set<String> environment(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        container
                .path("envFrom")
                .forEach(
                        from -> {
                            from(from, "configMapRef", "ConfigMap", "data", names);
                            from(from, "secretRef", "Secret", "stringData", names);
                        });
        return names;
    }

    private void from(JsonNode from, String ref, String kind, String field, Set<String> names) {
        if (from.has(ref)) {
            String name = from.path(ref).path("name").asText();
            find(kind, name)
                    .orElseThrow(
                            () -> new AssertionError(kind + " " + name + " is not in deploy/k8s"))
                    .path(field)
                    .fieldNames()
                    .forEachRemaining(names::add);
        }
    }
}
