package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.stack.parts.FleetSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./stack samples} runs the simulator's samples for the configured devices, with the
 * simulator's seed and Kafka user.
 */
class SamplesCommandTest {
    @TempDir Path project;

    @BeforeEach
    void buildTheSimulator() throws Exception {
        Path target = project.resolve("deploy/simulator/target");
        Files.createDirectories(target.resolve("classes"));
        Files.writeString(target.resolve("classpath.txt"), "/m2/model.jar:/m2/solar.jar\n");
    }

    private StackContext context(Map<String, String> overrides) {
        return new StackContext(
                StackConfig.load(project, Map.of(), new Properties()).with(overrides));
    }

    @Test
    void shouldRunTheSimulatorsSamplesForTheConfiguredDevices() {
        List<String> command = FleetSimulator.samples(context(Map.of()), 12);

        assertThat(command)
                .containsSubsequence(
                        "-cp",
                        project.resolve("deploy/simulator/target/classes")
                                + ":/m2/model.jar:/m2/solar.jar",
                        "io.controlautogeneracion.simulator.Samples")
                .containsSubsequence("--bootstrap", "127.0.0.1:9092")
                .containsSubsequence("--ids", "P-00001,P-00002,P-00003,L-0001,W-0001")
                .containsSubsequence("--readings", "12")
                .containsSubsequence("--seed", "42")
                .doesNotContain("--producer-config");
    }

    @Test
    void shouldSendAsTheSimulatorsKafkaUserWithSecurityOn() throws Exception {
        List<String> command =
                FleetSimulator.samples(
                        context(Map.of("kafka.security", "sasl", "samples.winds", "W-0002")), 3);

        Path settings = Path.of(command.get(command.indexOf("--producer-config") + 1));
        assertThat(command).containsSubsequence("--ids", "P-00001,P-00002,P-00003,L-0001,W-0002");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(settings))
                .contains("security.protocol=SASL_PLAINTEXT")
                .contains("username\\=\"simulator\"");
        assertThat(String.join(" ", command)).doesNotContain("password");
    }
}
