package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/compose.yaml against the services' own configuration and the files it mounts. */
class ComposeFileTest {
    private static final Path DIR = ProjectFiles.path("deploy");
    private static final JsonNode SERVICES =
            ProjectFiles.yaml(DIR.resolve("compose.yaml")).path("services");
    private static final String BUNDLE = "../superset/bundle";
    private static final Pattern HEALTH_REQUEST =
            Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP");

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void serviceRunsTheImageOfItsArtifactBuiltFromItsModule(String artifactId) {
        JsonNode service = service(artifactId);
        assertThat(Images.name(service.path("image").asText()))
                .as("image of compose service %s", artifactId)
                .isEqualTo(artifactId);
        Path context = DIR.resolve(service.path("build").path("context").asText()).normalize();
        assertThat(context)
                .as("build context of %s", artifactId)
                .isEqualTo(ProjectFiles.path(artifactId));
        assertThat(context.resolve(service.path("build").path("dockerfile").asText()))
                .as("Dockerfile of %s", artifactId)
                .isIn(Dockerfile.ofService(artifactId))
                .exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void theNativeOverrideRunsTheNativeImageOfTheSameArtifactBuiltFromItsNativeDockerfile(
            String artifactId) {
        JsonNode jvm = service(artifactId);
        JsonNode nativeService =
                ProjectFiles.yaml(DIR.resolve("compose.native.yaml"))
                        .path("services")
                        .path(artifactId);
        assertThat(nativeService.path("image").asText())
                .as("native image of %s", artifactId)
                .isEqualTo(jvm.path("image").asText() + "-native");
        Path context = DIR.resolve(nativeService.path("build").path("context").asText());
        Path dockerfile = context.resolve(nativeService.path("build").path("dockerfile").asText());
        assertThat(dockerfile.normalize())
                .isEqualTo(
                        ProjectFiles.path(artifactId)
                                .resolve("src/main/docker/Dockerfile.native-micro"))
                .exists();
        // the runtime base carries the glibc of the builder image (UBI 9), and the executable
        // targets the CPUs of the edge nodes, not the builder's default
        assertThat(ProjectFiles.read(dockerfile))
                .containsPattern("(?m)^FROM quay\\.io/quarkus/ubi9-quarkus-micro-image:");
        assertThat(
                        ProjectFiles.read(
                                ProjectFiles.path(artifactId)
                                        .resolve("src/main/resources/application.properties")))
                .containsPattern("(?m)^quarkus\\.native\\.march=x86-64-v2$");
    }

    @Test
    void ingestServicesNativeImageRunsWithTheHeapBoundsAndArenasOfItsJvmImage() throws Exception {
        // ingest-service runs on edge nodes beside Kafka and MongoDB: its native executable's heap
        // would otherwise grow to a share of the node's memory, and out of memory it must end as
        // the JVM does. bench/run.sh measures the executable with these same arguments.
        Path module = ProjectFiles.path("ingest-service");
        List<String> heapBounds =
                ProjectFiles.read(module.resolve("jvm.options"))
                        .lines()
                        .filter(
                                line ->
                                        line.startsWith("-Xmx")
                                                || line.startsWith("-Xmn")
                                                || line.equals("-XX:+ExitOnOutOfMemoryError"))
                        .toList();
        assertThat(heapBounds).hasSize(3);
        Path nativeFile = module.resolve("src/main/docker/Dockerfile.native-micro");
        Matcher entrypoint =
                Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(ProjectFiles.read(nativeFile));
        assertThat(entrypoint.find()).as("exec-form ENTRYPOINT in %s", nativeFile).isTrue();
        List<String> command = texts(new ObjectMapper().readTree(entrypoint.group(1)));
        assertThat(command.get(0)).isEqualTo("./application");
        assertThat(command.subList(1, command.size())).containsExactlyElementsOf(heapBounds);
        assertThat(Dockerfile.read(nativeFile).environment())
                .containsEntry(
                        "MALLOC_ARENA_MAX",
                        Dockerfile.read(module.resolve("src/main/docker/Dockerfile.jvm"))
                                .environment()
                                .get("MALLOC_ARENA_MAX"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void publishedPortAndHealthCheckAreTheServicesOwn(String artifactId) {
        ServiceConfig config = ServiceConfig.of(artifactId);
        JsonNode service = service(artifactId);
        List<Integer> containerPorts = new ArrayList<>();
        service.path("ports")
                .forEach(
                        p ->
                                containerPorts.add(
                                        Integer.parseInt(p.asText().replaceAll(".*:", ""))));
        assertThat(containerPorts)
                .as("container ports of %s (quarkus.http.port)", artifactId)
                .containsExactly(config.httpPort());

        String check = String.join(" ", texts(service.path("healthcheck").path("test")));
        Matcher request = HEALTH_REQUEST.matcher(check);
        assertThat(request.find()).as("health check of %s: %s", artifactId, check).isTrue();
        assertThat(Integer.parseInt(request.group(1)))
                .as("health check port of %s", artifactId)
                .isEqualTo(config.httpPort());
        assertThat(request.group(2))
                .as("health check path of %s", artifactId)
                .isEqualTo(config.readinessPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service"})
    void everyVariableTheServiceNeedsIsSetAndEverySetOneIsRead(String artifactId) {
        ServiceConfig config = ServiceConfig.of(artifactId);
        Map<String, String> env = environment(service(artifactId));
        Set<String> provided = new TreeSet<>(env.keySet());
        provided.addAll(imageEnvironment(artifactId));
        assertThat(provided)
                .as(
                        "environment of compose service %s (image ENV included); needed: %s",
                        artifactId, config.requiredEnvironment())
                .containsAll(config.requiredEnvironment().keySet());
        assertThat(env.keySet())
                .as("variables set for %s that it does not read", artifactId)
                .allMatch(config::understands);
    }

    @Test
    void publishedPortsListenOnLoopbackOnly() {
        SERVICES.properties()
                .forEach(
                        e ->
                                e.getValue()
                                        .path("ports")
                                        .forEach(
                                                p ->
                                                        assertThat(p.asText())
                                                                .as("port of %s", e.getKey())
                                                                .startsWith("127.0.0.1:")));
    }

    @Test
    void everyBoundFileExistsAndTheSupervisorsAreSubmittedWithTheKafkaAddress() {
        SERVICES.properties()
                .forEach(
                        e ->
                                e.getValue()
                                        .path("volumes")
                                        .forEach(
                                                v -> {
                                                    String source = v.asText().split(":")[0];
                                                    // The dashboard bundle: see the next test.
                                                    if (source.startsWith(".")
                                                            && !source.equals(BUNDLE)) {
                                                        assertThat(DIR.resolve(source))
                                                                .as(
                                                                        "file mounted into %s",
                                                                        e.getKey())
                                                                .exists();
                                                    }
                                                }));
        JsonNode submit = service("druid-supervisors");
        assertThat(texts(submit.path("volumes")))
                .as("druid-supervisors mounts the project's supervisor specs")
                .contains("../druid/supervisors:/supervisors:ro");
        List<Path> specs = ProjectFiles.list(ProjectFiles.path("druid/supervisors"), ".json");
        assertThat(specs).as("druid/supervisors/*.json").isNotEmpty();
        specs.forEach(
                spec ->
                        assertThat(ProjectFiles.read(spec))
                                .as("%s reads Kafka through the placeholder", spec)
                                .contains("${KAFKA_BOOTSTRAP}"));
        assertThat(environment(submit)).containsKey("KAFKA_BOOTSTRAP");
    }

    @Test
    void supersetImportsTheProjectsDashboardBundle() {
        assertThat(texts(service("superset").path("volumes"))).contains(BUNDLE + ":/app/bundle:ro");
        assertThat(ProjectFiles.read(DIR.resolve("superset/Dockerfile")))
                .contains("COPY superset/bundle/ /app/bundle/")
                .contains("COPY deploy/superset/import_bundle.py /app/deploy/import_bundle.py");
        // every start updates what an earlier one imported: the assets import, not the dashboard
        // import that keeps existing charts, datasets and databases
        assertThat(ProjectFiles.read(DIR.resolve("superset/start.sh")))
                .contains("import_bundle.py\" \"$BUNDLE\"")
                .doesNotContainPattern("(?m)^\\s*superset import-dashboards");
        assertThat(ProjectFiles.read(DIR.resolve("superset/import_bundle.py")))
                .contains("ImportAssetsCommand(files, overwrite=True)")
                .contains("SUPERSET_DRUID_URI");
        Path bundle = DIR.resolve(BUNDLE).normalize();
        Assumptions.assumeTrue(
                Files.exists(bundle.resolve("metadata.yaml")),
                "no dashboard bundle (superset/bundle/metadata.yaml) in this tree");
        List<Path> databases = ProjectFiles.list(bundle.resolve("databases"), ".yaml");
        assertThat(databases).as("superset/bundle/databases/*.yaml").isNotEmpty();
        // start.sh points the bundle's Druid database at the stack's broker through this line.
        databases.forEach(
                db ->
                        assertThat(ProjectFiles.read(db))
                                .as("%s", db)
                                .containsPattern("(?m)^sqlalchemy_uri: druid"));
    }

    @Test
    void ownContainersRunHardenedAndNoContainerGainsPrivileges() {
        SERVICES.properties()
                .forEach(
                        e -> {
                            JsonNode service = e.getValue();
                            assertThat(texts(service.path("security_opt")))
                                    .as("%s: no privilege escalation", e.getKey())
                                    .contains("no-new-privileges:true");
                            if (Images.ownInCompose(service.path("image").asText())) {
                                assertThat(service.path("read_only").asBoolean())
                                        .as("%s: read-only root file system", e.getKey())
                                        .isTrue();
                                assertThat(texts(service.path("cap_drop")))
                                        .as("%s: capabilities dropped", e.getKey())
                                        .contains("ALL");
                                assertThat(service.has("cap_add")).isFalse();
                                assertThat(texts(service.path("tmpfs")))
                                        .as("%s: a writable /tmp in memory", e.getKey())
                                        .anyMatch(t -> t.startsWith("/tmp:exec"));
                                assertThat(service.path("user").asText())
                                        .as("%s: not root", e.getKey())
                                        .isNotIn("root", "0");
                            }
                        });
    }

    @Test
    void everyImageBuiltHereHasItsDockerfile() {
        SERVICES.properties()
                .forEach(
                        e -> {
                            String image = e.getValue().path("image").asText();
                            if (Images.ownInCompose(image)) {
                                JsonNode build = e.getValue().path("build");
                                assertThat(build.isObject())
                                        .as("%s builds its image %s", e.getKey(), image)
                                        .isTrue();
                                assertThat(
                                                DIR.resolve(build.path("context").asText())
                                                        .resolve(build.path("dockerfile").asText()))
                                        .as("Dockerfile of %s", image)
                                        .exists();
                            } else {
                                assertThat(image)
                                        .as("third-party image of %s has a pinned tag", e.getKey())
                                        .matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*")
                                        .doesNotEndWith(":latest");
                            }
                        });
    }

    @Test
    void thePartsTheSeedColocatesAreInTheStack() {
        assertThat(names()).contains("kafka", "mongodb", "druid-broker", "superset");
        assertThat(service("superset").path("depends_on").has("druid-broker")).isTrue();
        assertThat(service("ingest-service").path("depends_on").has("mongodb")).isTrue();
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(
                    item -> {
                        String[] kv = item.asText().split("=", 2);
                        env.put(kv[0], kv.length > 1 ? kv[1] : "");
                    });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /** Variables both of a service's images set, JVM and native. */
    static Set<String> imageEnvironment(String artifactId) {
        Set<String> common = null;
        for (Path file : Dockerfile.ofService(artifactId)) {
            Set<String> env =
                    Files.exists(file) ? Dockerfile.read(file).environment().keySet() : Set.of();
            if (common == null) {
                common = new TreeSet<>(env);
            } else {
                common.retainAll(env);
            }
        }
        return common;
    }

    private static JsonNode service(String name) {
        JsonNode service = SERVICES.path(name);
        assertThat(service.isObject()).as("compose service %s", name).isTrue();
        return service;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        SERVICES.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
