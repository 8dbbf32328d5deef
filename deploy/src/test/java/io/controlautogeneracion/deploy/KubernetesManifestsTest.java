package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.testing.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s against the services' own configuration, the images built here and the seed. */
class KubernetesManifestsTest {
    private static final Manifests K8S = Manifests.load();
    private static final String HOSTNAME = "kubernetes.io/hostname";

    @Test
    void kustomizationAppliesEveryManifestAndPinsEveryImageOfTheProject() {
        JsonNode kustomization = ProjectFiles.yaml(Manifests.DIR.resolve("kustomization.yaml"));
        Set<String> resources = new TreeSet<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        Set<String> files = new TreeSet<>();
        ProjectFiles.list(Manifests.DIR, ".yaml").stream()
                .map(f -> f.getFileName().toString())
                .filter(f -> !f.equals("kustomization.yaml"))
                .forEach(files::add);
        assertThat(resources).as("kustomization resources vs deploy/k8s/*.yaml").isEqualTo(files);

        Set<String> pinned = new TreeSet<>();
        kustomization.path("images").forEach(i -> pinned.add(i.path("name").asText()));
        Set<String> used = new TreeSet<>();
        K8S.workloads()
                .forEach(
                        w ->
                                containers(w)
                                        .forEach(
                                                c -> {
                                                    String image = c.path("image").asText();
                                                    if (image.startsWith(Images.K8S_PREFIX)) {
                                                        used.add(image.replaceAll(":[^/]*$", ""));
                                                    }
                                                }));
        assertThat(pinned)
                .as("kustomization images vs the project's images in use")
                .isEqualTo(used);
    }

    @Test
    void everyImageOfTheProjectIsOneThatIsBuiltHereAndEveryOtherIsPinned() {
        JsonNode services =
                ProjectFiles.yaml(ProjectFiles.path("deploy/compose.yaml")).path("services");
        Set<String> built = new TreeSet<>();
        services.forEach(
                s -> {
                    if (Images.ownInCompose(s.path("image").asText())) {
                        built.add(Images.name(s.path("image").asText()));
                    }
                });
        for (JsonNode w : K8S.workloads()) {
            for (JsonNode c : allContainers(w)) {
                String image = c.path("image").asText();
                if (image.startsWith(Images.K8S_PREFIX)) {
                    assertThat(Images.name(image))
                            .as("image of %s is built by the compose file", name(w))
                            .isIn(built);
                } else {
                    assertThat(image)
                            .as("third-party image of %s has a pinned tag", name(w))
                            .matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*");
                }
            }
        }
    }

    @Test
    void druidSupervisorsAreSubmittedFromTheImageWithTheKafkaAddress() {
        JsonNode job =
                K8S.find("Job", "druid-supervisors")
                        .orElseThrow(() -> new AssertionError("no Job druid-supervisors"));
        String dockerfile =
                ProjectFiles.read(ProjectFiles.path("flink-pipelines/src/main/docker/Dockerfile"));
        assertThat(dockerfile)
                .contains(
                        "COPY --chown=flink:flink druid/supervisors/ /opt/flink/druid/supervisors/")
                .contains("deploy/druid/submit-supervisors.sh /opt/flink/bin/control/");
        List<String> copy = new ArrayList<>();
        Manifests.podSpec(job)
                .path("initContainers")
                .get(0)
                .path("command")
                .forEach(a -> copy.add(a.asText()));
        assertThat(copy)
                .contains(
                        "/opt/flink/druid/supervisors",
                        "/opt/flink/bin/control/submit-supervisors.sh");
        JsonNode submit = onlyContainer(job);
        assertThat(K8S.environment(submit)).contains("KAFKA_BOOTSTRAP", "SUPERVISORS_DIR");
        assertThat(ProjectFiles.list(ProjectFiles.path("druid/supervisors"), ".json")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void serviceRunsItsImageOnItsPortWithItsHealthPaths(String artifactId) {
        ServiceConfig config = ServiceConfig.of(artifactId);
        JsonNode container = onlyContainer(deployment(artifactId));
        assertThat(Images.name(container.path("image").asText()))
                .as("image of %s", artifactId)
                .isEqualTo(artifactId);
        JsonNode port = container.path("ports").get(0);
        assertThat(port.path("containerPort").asInt())
                .as("containerPort of %s (quarkus.http.port)", artifactId)
                .isEqualTo(config.httpPort());
        String portName = port.path("name").asText();

        assertProbe(container, "livenessProbe", config.livenessPath(), portName, config);
        assertProbe(container, "readinessProbe", config.readinessPath(), portName, config);
        assertProbe(container, "startupProbe", config.livenessPath(), portName, config);

        JsonNode service =
                K8S.find("Service", artifactId)
                        .orElseThrow(() -> new AssertionError("no Service " + artifactId));
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        assertThat(servicePort.path("port").asInt()).isEqualTo(config.httpPort());
        assertThat(servicePort.path("targetPort").asText()).isIn(portName, "" + config.httpPort());
        assertThat(container.path("resources").path("limits").path("memory").isMissingNode())
                .as("%s has a memory limit", artifactId)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void everyVariableTheServiceNeedsIsSetAndEverySetOneIsRead(String artifactId) {
        ServiceConfig config = ServiceConfig.of(artifactId);
        JsonNode container = onlyContainer(deployment(artifactId));
        Set<String> env = K8S.environment(container);
        Set<String> provided = new TreeSet<>(env);
        provided.addAll(ComposeFileTest.imageEnvironment(artifactId));
        assertThat(provided)
                .as(
                        "environment of %s (image ENV included); needed: %s",
                        artifactId, config.requiredEnvironment())
                .containsAll(config.requiredEnvironment().keySet());
        assertThat(env)
                .as("variables set for %s that it does not read", artifactId)
                .allMatch(config::understands);
    }

    @Test
    void ingestRunsOnTheNodeOfKafkaAndMongoDb() {
        assertThat(requiredNeighbours(deployment("ingest-service")))
                .as(
                        "required pod affinity of ingest-service (seed: Kafka and MongoDB share a"
                                + " node)")
                .contains("kafka", "mongodb");
    }

    @Test
    void supersetRunsOnTheNodeOfTheDruidBroker() {
        assertThat(requiredNeighbours(deployment("superset")))
                .as("required pod affinity of superset (seed: Druid and Superset share a node)")
                .contains("druid-broker");
    }

    @Test
    void everySecretConfigMapAndClaimReferencedExists() {
        JsonNode secret = Manifests.generatedSecret();
        for (JsonNode workload : K8S.workloads()) {
            for (JsonNode c : containers(workload)) {
                K8S.environment(c); // throws when an envFrom source is missing
                c.path("env")
                        .forEach(
                                e -> {
                                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                                    boolean kafkaUsers =
                                            K8S.find("KafkaUser", ref.path("name").asText())
                                                    .isPresent();
                                    if (kafkaUsers) {
                                        // The Kafka operator writes a Secret per KafkaUser.
                                        assertThat(ref.path("key").asText())
                                                .isIn("sasl.jaas.config", "password");
                                    } else if (!ref.isMissingNode()) {
                                        assertThat(ref.path("name").asText())
                                                .isEqualTo(
                                                        secret.path("metadata")
                                                                .path("name")
                                                                .asText());
                                        assertThat(
                                                        secret.path("stringData")
                                                                .has(ref.path("key").asText()))
                                                .as(
                                                        "secret key %s used by %s",
                                                        ref.path("key").asText(), name(workload))
                                                .isTrue();
                                    }
                                });
            }
            Manifests.podSpec(workload)
                    .path("volumes")
                    .forEach(
                            v -> {
                                String claim =
                                        v.path("persistentVolumeClaim").path("claimName").asText();
                                if (!claim.isEmpty()) {
                                    assertThat(K8S.find("PersistentVolumeClaim", claim))
                                            .as("claim %s of %s", claim, name(workload))
                                            .isPresent();
                                }
                            });
        }
        secret.path("stringData")
                .forEach(
                        v ->
                                assertThat(v.asText())
                                        .as("secret values in the repository are placeholders")
                                        .contains("CHANGE_ME"));
    }

    @Test
    void flinkJobsRunClassesThatExist() {
        List<String> mains = new ArrayList<>();
        for (JsonNode w : K8S.workloads()) {
            for (JsonNode c : containers(w)) {
                List<String> args = new ArrayList<>();
                c.path("args").forEach(a -> args.add(a.asText()));
                int i = args.indexOf("--job-classname");
                if (i >= 0) {
                    mains.add(args.get(i + 1));
                }
                c.path("command").forEach(a -> assertScriptExists(a.asText(), name(w)));
            }
        }
        assertThat(mains).as("job classes of the application-mode clusters").hasSize(2);
        mains.forEach(FlinkJobsTest::assertMainClassExists);
    }

    private static void assertScriptExists(String command, String workload) {
        String prefix = "/opt/flink/bin/control/";
        if (command.startsWith(prefix)) {
            assertThat(
                            ProjectFiles.path("deploy/flink")
                                    .resolve(command.substring(prefix.length())))
                    .as("script run by %s (copied from deploy/flink by the Flink image)", workload)
                    .exists();
        }
    }

    private static void assertProbe(
            JsonNode container, String probe, String path, String portName, ServiceConfig config) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText())
                .as("%s path of %s", probe, config.artifactId())
                .isEqualTo(path);
        assertThat(get.path("port").asText())
                .as("%s port of %s", probe, config.artifactId())
                .isIn(portName, "" + config.httpPort());
    }

    /** The app.kubernetes.io/name labels of the pods this workload must share a node with. */
    private static Set<String> requiredNeighbours(JsonNode workload) {
        Set<String> names = new TreeSet<>();
        Manifests.podSpec(workload)
                .path("affinity")
                .path("podAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution")
                .forEach(
                        term -> {
                            if (term.path("topologyKey").asText().equals(HOSTNAME)) {
                                names.add(
                                        term.path("labelSelector")
                                                .path("matchLabels")
                                                .path("app.kubernetes.io/name")
                                                .asText());
                            }
                        });
        return names;
    }

    private static JsonNode deployment(String name) {
        return K8S.find("Deployment", name)
                .orElseThrow(() -> new AssertionError("no Deployment " + name + " in deploy/k8s"));
    }

    private static JsonNode onlyContainer(JsonNode workload) {
        JsonNode containers = Manifests.podSpec(workload).path("containers");
        assertThat(containers.size()).as("containers of %s", name(workload)).isEqualTo(1);
        return containers.get(0);
    }

    private static List<JsonNode> allContainers(JsonNode workload) {
        List<JsonNode> out = containers(workload);
        Manifests.podSpec(workload).path("initContainers").forEach(out::add);
        return out;
    }

    private static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> out = new ArrayList<>();
        Manifests.podSpec(workload).path("containers").forEach(out::add);
        return out;
    }

    private static String name(JsonNode doc) {
        return doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
    }
}
