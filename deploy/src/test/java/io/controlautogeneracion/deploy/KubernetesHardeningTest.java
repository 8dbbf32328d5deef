package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s lets no pod do more than it needs: hardened containers, and network policies that
 * allow each pod only the engines its configuration names.
 */
class KubernetesHardeningTest {
    private static final Manifests K8S = Manifests.load();

    /** An engine as the configuration names it, its pods' label and the ports a client uses. */
    private record Engine(String address, String label, Set<Integer> ports) {}

    private static final List<Engine> ENGINES =
            List.of(
                    new Engine("kafka:9092", "kafka", Set.of(9092)),
                    new Engine("mongodb:27017", "mongodb", Set.of(27017)),
                    new Engine("couchbase://couchbase", "couchbase", Set.of(8091, 11210)),
                    new Engine("druid-coordinator:8081", "druid-coordinator", Set.of(8081)),
                    new Engine("druid-broker:8082", "druid-broker", Set.of(8082)),
                    new Engine("postgres", "postgres", Set.of(5432)));

    /**
     * Addresses a pod is configured with for others to use: the Kafka bootstrap the supervisor job
     * writes into the specs it submits, for Druid's own consumers.
     */
    private static final Map<String, Set<String>> PASSED_ON =
            Map.of("druid-supervisors", Set.of("kafka"));

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : K8S.workloads()) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode pod = Manifests.podSpec(workload).path("securityContext");
            if (!pod.path("runAsNonRoot").asBoolean() || pod.path("runAsUser").asInt() <= 0) {
                problems.add(name + ": pod without runAsNonRoot and a non-root runAsUser");
            }
            if (!pod.path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                problems.add(name + ": pod without the RuntimeDefault seccomp profile");
            }
            for (JsonNode c : allContainers(workload)) {
                JsonNode sc = c.path("securityContext");
                String where = name + "/" + c.path("name").asText();
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": privilege escalation allowed");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean()) {
                    problems.add(where + ": writable root file system");
                }
                List<String> dropped = new ArrayList<>();
                sc.path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
                if (!dropped.contains("ALL") || sc.path("capabilities").has("add")) {
                    problems.add(where + ": capabilities not all dropped");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everythingIsRefusedUnlessAllowedAndEveryPodHasItsOwnPolicy() {
        JsonNode deny =
                K8S.find("NetworkPolicy", "default-deny")
                        .orElseThrow(() -> new AssertionError("no default-deny NetworkPolicy"));
        assertThat(deny.path("spec").path("podSelector").isEmpty()).isTrue();
        assertThat(texts(deny.path("spec").path("policyTypes")))
                .containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.path("spec").has("ingress") || deny.path("spec").has("egress")).isFalse();

        for (JsonNode workload : K8S.workloads()) {
            String app = appLabel(workload);
            assertThat(policyOf(app)).as("a NetworkPolicy for the pods of " + app).isNotNull();
        }
    }

    @Test
    void eachPodMayReachTheEnginesItsConfigurationNamesAndNoOther() {
        for (JsonNode workload : K8S.workloads()) {
            String app = appLabel(workload);
            JsonNode policy = policyOf(app);
            Map<String, Set<Integer>> allowed = egress(policy);
            String config = configuration(workload);
            for (Engine engine : ENGINES) {
                if (PASSED_ON.getOrDefault(app, Set.of()).contains(engine.label())) {
                    continue;
                }
                if (config.contains(engine.address())) {
                    assertThat(allowed.getOrDefault(engine.label(), Set.of()))
                            .as(app + " names " + engine.address() + " in its configuration")
                            .containsAll(engine.ports());
                } else {
                    assertThat(allowed)
                            .as(app + " does not use " + engine.label())
                            .doesNotContainKey(engine.label());
                }
            }
        }
    }

    private static List<JsonNode> allContainers(JsonNode workload) {
        List<JsonNode> out = new ArrayList<>();
        Manifests.podSpec(workload).path("initContainers").forEach(out::add);
        Manifests.podSpec(workload).path("containers").forEach(out::add);
        return out;
    }

    private static String appLabel(JsonNode workload) {
        return workload.path("spec")
                .path("template")
                .path("metadata")
                .path("labels")
                .path("app.kubernetes.io/name")
                .asText();
    }

    private static JsonNode policyOf(String app) {
        return K8S.ofKind("NetworkPolicy").stream()
                .filter(
                        p ->
                                app.equals(
                                        p.path("spec")
                                                .path("podSelector")
                                                .path("matchLabels")
                                                .path("app.kubernetes.io/name")
                                                .asText()))
                .findFirst()
                .orElse(null);
    }

    /** The engines a policy lets its pods reach, by pod label, with their ports. */
    private static Map<String, Set<Integer>> egress(JsonNode policy) {
        Map<String, Set<Integer>> out = new java.util.TreeMap<>();
        for (JsonNode rule : policy.path("spec").path("egress")) {
            for (JsonNode to : rule.path("to")) {
                String label =
                        to.path("podSelector")
                                .path("matchLabels")
                                .path("app.kubernetes.io/name")
                                .asText();
                Set<Integer> ports = out.computeIfAbsent(label, l -> new TreeSet<>());
                rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            }
        }
        return out;
    }

    /**
     * Everything a workload's containers are configured with: literal values, its ConfigMaps' data
     * and the example values of the secrets it reads.
     */
    private static String configuration(JsonNode workload) {
        StringBuilder out = new StringBuilder();
        JsonNode secret = Manifests.generatedSecret();
        for (JsonNode c : allContainers(workload)) {
            out.append(c.path("args")).append(c.path("command"));
            for (JsonNode e : c.path("env")) {
                out.append(e.path("value").asText()).append('\n');
                String key = e.path("valueFrom").path("secretKeyRef").path("key").asText();
                out.append(secret.path("stringData").path(key).asText()).append('\n');
            }
            for (JsonNode from : c.path("envFrom")) {
                String map = from.path("configMapRef").path("name").asText();
                K8S.find("ConfigMap", map).ifPresent(m -> out.append(m.path("data")));
            }
        }
        return out.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
