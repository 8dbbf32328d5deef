package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The GitHub workflow builds natives of every service and pushes every image compose builds. */
class WorkflowTest {
    private static final JsonNode JOBS =
            ProjectFiles.yaml(ProjectFiles.path(".github/workflows/build.yml")).path("jobs");

    @Test
    void nativeJobCoversEveryServiceWithItsIntegrationTests() {
        Set<String> matrix = new TreeSet<>();
        JOBS.path("native")
                .path("strategy")
                .path("matrix")
                .path("service")
                .forEach(s -> matrix.add(s.asText()));
        assertThat(matrix)
                .as("services built native")
                .isEqualTo(new TreeSet<>(ServiceConfig.SERVICES));
        assertThat(script("native"))
                .contains("-Dquarkus.native.enabled=true")
                .contains("-Dquarkus.native.container-build=true")
                .contains("verify");
        for (String service : ServiceConfig.SERVICES) {
            assertThat(ProjectFiles.read(ProjectFiles.path(service).resolve("pom.xml")))
                    .as("%s runs its *IT classes in the native build", service)
                    .contains("<name>quarkus.native.enabled</name>")
                    .contains("<skipITs>false</skipITs>");
        }
    }

    @Test
    void imagesArePushedOnTagsOnlyAndEveryImageComposeBuildsIsAmongThem() {
        JsonNode images = JOBS.path("images");
        assertThat(images.path("if").asText()).isEqualTo("startsWith(github.ref, 'refs/tags/')");
        String script = script("images");
        Path deploy = ProjectFiles.path("deploy");
        ProjectFiles.yaml(deploy.resolve("compose.yaml"))
                .path("services")
                .forEach(
                        s -> {
                            JsonNode build = s.path("build");
                            if (build.isObject()) {
                                Path dockerfile =
                                        deploy.resolve(build.path("context").asText())
                                                .resolve(build.path("dockerfile").asText())
                                                .normalize();
                                String relative =
                                        ProjectFiles.root().relativize(dockerfile).toString();
                                String name = Images.name(s.path("image").asText());
                                // The two services are built in a loop over their names.
                                String expected =
                                        ServiceConfig.SERVICES.contains(name)
                                                ? relative.replaceFirst("^" + name + "/", "\\$svc/")
                                                : relative;
                                assertThat(script)
                                        .as("the images job builds %s", relative)
                                        .contains("-f " + expected);
                            }
                        });
        for (String service : ServiceConfig.SERVICES) {
            assertThat(script).contains("for svc in").contains(service);
        }
        assertThat(script).contains("Dockerfile.native-micro").contains("$TAG-native");
    }

    @Test
    void everyServiceImageIsSeenReadyInComposeBeforeAnythingIsPushed() {
        JsonNode steps = JOBS.path("images").path("steps");
        int smoke = -1;
        int push = -1;
        for (int i = 0; i < steps.size(); i++) {
            String run = steps.get(i).path("run").asText();
            if (run.contains("/q/health/ready")) {
                smoke = i;
            }
            if (run.contains("docker push") && push < 0) {
                push = i;
            }
        }
        assertThat(smoke).as("a smoke step in the images job").isNotNegative();
        assertThat(push).as("the push comes after the smoke step").isGreaterThan(smoke);
        String run = steps.get(smoke).path("run").asText();
        assertThat(run)
                .contains("for variant in jvm native")
                .contains("-f deploy/compose.native.yaml")
                .contains("--no-build ingest-service catalog-service")
                .contains("exit 1");
        for (String service : ServiceConfig.SERVICES) {
            assertThat(run).contains(String.valueOf(ServiceConfig.of(service).httpPort()));
        }
    }

    @Test
    void theBundleIsImportedTwiceIntoOneSupersetAndTheSecondImportUpdatesIt() {
        String run = script("superset-import");
        assertThat(run)
                .contains("docker build -f deploy/superset/Dockerfile")
                .contains("broker-a")
                .contains("broker-b")
                .containsPattern("(?s)start\\.sh --import-only.*start\\.sh --import-only")
                .contains("test \"$found\" = \"druid://broker-b:8082/druid/v2/sql/|Renamed");
    }

    private static String script(String job) {
        StringBuilder all = new StringBuilder();
        JOBS.path(job)
                .path("steps")
                .forEach(step -> all.append(step.path("run").asText()).append('\n'));
        return all.toString();
    }
}
