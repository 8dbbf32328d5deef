package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Flink image, the scripts that start the jobs and the jobs' environment (WIND_*, LANDING_*,
 * BATCH_*) against flink-pipelines' own sources and the parent pom's Flink version.
 */
class FlinkJobsTest {
    private static final Path SOURCES =
            ProjectFiles.path("flink-pipelines/src/main/java/io/controlautogeneracion/pipelines");
    private static final Pattern READ =
            Pattern.compile(
                    "\\.(?:required|get|getInt|getDouble|getBoolean|getDuration)\\(\"([^\"]+)\"");
    private static final Pattern REQUIRED = Pattern.compile("\\.required\\(\"([^\"]+)\"\\)");
    private static final Map<String, String> SETTINGS =
            Map.of(
                    "WIND", "wind/WindJobSettings.java",
                    "LANDING", "landing/LandingSettings.java",
                    "BATCH", "batch/BatchSettings.java");

    static void assertMainClassExists(String className) {
        Path source =
                ProjectFiles.path("flink-pipelines/src/main/java")
                        .resolve(className.replace('.', '/') + ".java");
        assertThat(source).as("source of job class %s", className).exists();
        assertThat(ProjectFiles.read(source))
                .as("%s has a main method", className)
                .contains("public static void main(String[] args)");
    }

    @Test
    void imageIsTheFlinkVersionTheJobsAreBuiltWith() {
        String pom = ProjectFiles.read(ProjectFiles.path("pom.xml"));
        Matcher version = Pattern.compile("<flink.version>([^<]+)</flink.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        String dockerfile = ProjectFiles.read(dockerfile());
        assertThat(dockerfile)
                .as("base image of the Flink jobs vs the parent pom's flink.version")
                .containsPattern(
                        "(?m)^FROM flink:" + Pattern.quote(version.group(1)) + "-\\S*java17$");
        String module = ProjectFiles.read(ProjectFiles.path("flink-pipelines/pom.xml"));
        assertThat(module)
                .as("the job-jar profile attaches the jar the image copies (*-job.jar)")
                .contains("<shadedClassifierName>job</shadedClassifierName>");
        assertThat(dockerfile).contains("flink-pipelines/target/flink-pipelines-*-job.jar");
        assertThat(dockerfile).contains("COPY --chown=flink:flink druid/tasks/");
    }

    @Test
    void scriptsStartClassesThatExistUnderTheNamesTheyRunWith() {
        Pattern className = Pattern.compile("io\\.controlautogeneracion\\.[\\w.]+");
        for (Path script : ProjectFiles.list(ProjectFiles.path("deploy/flink"), ".sh")) {
            Matcher m = className.matcher(ProjectFiles.read(script));
            while (m.find()) {
                assertMainClassExists(m.group());
            }
        }
        // submit-jobs.sh finds a running job by the name its main gives to execute().
        Matcher submit =
                Pattern.compile("(?m)^\\s*submit \"([^\"]+)\" (\\S+)$")
                        .matcher(
                                ProjectFiles.read(
                                        ProjectFiles.path("deploy/flink/submit-jobs.sh")));
        int jobs = 0;
        while (submit.find()) {
            jobs++;
            Path source =
                    ProjectFiles.path("flink-pipelines/src/main/java")
                            .resolve(submit.group(2).replace('.', '/') + ".java");
            assertThat(ProjectFiles.read(source))
                    .as("job name of %s", submit.group(2))
                    .contains("execute(\"" + submit.group(1) + "\")");
        }
        assertThat(jobs).as("jobs submitted by deploy/flink/submit-jobs.sh").isEqualTo(2);
    }

    @Test
    void aStreamingJobThatFailedForGoodComesBackInComposeAndKubernetes() {
        // compose: the submitter keeps checking (a loop) and is itself restarted.
        JsonNode submitter =
                ProjectFiles.yaml(ProjectFiles.path("deploy/compose.yaml"))
                        .path("services")
                        .path("flink-jobs");
        assertThat(submitter.path("restart").asText()).isEqualTo("unless-stopped");
        assertThat(ProjectFiles.read(ProjectFiles.path("deploy/flink/submit-jobs.sh")))
                .contains("while true; do")
                .contains("flink list -m \"$MASTER\"");
        // Kubernetes: an application cluster whose job failed ends, and its Deployment restarts it.
        Manifests k8s = Manifests.load();
        int jobManagers = 0;
        for (JsonNode w : k8s.workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                if (c.path("args").path(0).asText().equals("standalone-job")) {
                    jobManagers++;
                    assertThat(w.path("kind").asText()).isEqualTo("Deployment");
                    String config =
                            c.path("envFrom").path(0).path("configMapRef").path("name").asText();
                    assertThat(
                                    k8s.find("ConfigMap", config)
                                            .orElseThrow()
                                            .path("data")
                                            .path("FLINK_PROPERTIES")
                                            .asText())
                            .as("FLINK_PROPERTIES of %s", config)
                            .contains("execution.shutdown-on-application-finish: true");
                }
            }
        }
        assertThat(jobManagers).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WIND", "LANDING", "BATCH"})
    void composeSetsEveryRequiredParameterAndOnlyParametersTheJobsRead(String prefix) {
        Set<String> env = new TreeSet<>();
        ProjectFiles.yaml(ProjectFiles.path("deploy/compose.yaml"))
                .path("services")
                .forEach(s -> env.addAll(ComposeFileTest.environment(s).keySet()));
        assertEnvironment(prefix, env, "deploy/compose.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"WIND", "LANDING", "BATCH"})
    void manifestsSetEveryRequiredParameterAndOnlyParametersTheJobsRead(String prefix) {
        Manifests k8s = Manifests.load();
        int containers = 0;
        for (JsonNode w : k8s.workloads()) {
            for (JsonNode c : Manifests.podSpec(w).path("containers")) {
                Set<String> env = k8s.environment(c);
                if (env.stream().anyMatch(e -> e.startsWith(prefix + "_"))) {
                    containers++;
                    assertEnvironment(prefix, env, w.path("metadata").path("name").asText());
                }
            }
        }
        assertThat(containers).as("containers running a %s job", prefix).isPositive();
    }

    private static void assertEnvironment(String prefix, Set<String> env, String where) {
        Set<String> required = new TreeSet<>();
        Matcher m = REQUIRED.matcher(ProjectFiles.read(SOURCES.resolve(SETTINGS.get(prefix))));
        while (m.find()) {
            if (!m.group(1).equals("to")) { // only with --from, for a range
                required.add(envName(prefix, m.group(1)));
            }
        }
        assertThat(env).as("%s variables in %s", prefix, where).containsAll(required);
        Set<String> understood = understood(prefix);
        Set<String> passedOn = passedOn(prefix);
        env.stream()
                .filter(e -> e.startsWith(prefix + "_"))
                .filter(e -> passedOn.stream().noneMatch(e::startsWith))
                .forEach(
                        e ->
                                assertThat(understood)
                                        .as("%s in %s is read by a job or its script", e, where)
                                        .contains(e));
    }

    /** Every PREFIX_ variable a job reads (its parameters) or a deploy/flink script reads. */
    private static Set<String> understood(String prefix) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(
                            f -> {
                                Matcher m = READ.matcher(ProjectFiles.read(f));
                                while (m.find()) {
                                    names.add(envName(prefix, m.group(1)));
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pattern scriptVar = Pattern.compile("\\$\\{?(" + prefix + "_\\w+)");
        for (Path script : ProjectFiles.list(ProjectFiles.path("deploy/flink"), ".sh")) {
            Matcher m = scriptVar.matcher(ProjectFiles.read(script));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The variable prefixes whose every variable a job hands on as it is ({@code
     * p.withPrefix(KAFKA_PROPERTIES)}, {@code KAFKA_PROPERTIES = "kafka.properties."}: any {@code
     * WIND_KAFKA_PROPERTIES_*} is a Kafka client setting).
     */
    private static Set<String> passedOn(String prefix) {
        Pattern constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
        Pattern withPrefix = Pattern.compile("\\.withPrefix\\((\\w+)\\)");
        String source = ProjectFiles.read(SOURCES.resolve(SETTINGS.get(prefix)));
        Set<String> prefixes = new TreeSet<>();
        Matcher use = withPrefix.matcher(source);
        while (use.find()) {
            Matcher c = constant.matcher(source);
            while (c.find()) {
                if (c.group(1).equals(use.group(1))) {
                    prefixes.add(envName(prefix, c.group(2)));
                }
            }
        }
        return prefixes;
    }

    /** JobParameters' environment name: PREFIX_KEY, dots and dashes as underscores. */
    private static String envName(String prefix, String key) {
        return prefix
                + "_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Path dockerfile() {
        return ProjectFiles.path("flink-pipelines/src/main/docker/Dockerfile");
    }
}
