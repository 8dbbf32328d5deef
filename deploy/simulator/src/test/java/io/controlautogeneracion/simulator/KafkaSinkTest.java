package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer's settings file reaches the Kafka client (how a deployment turns on security). */
class KafkaSinkTest {

    @Test
    void shouldReadTheProducerConfigOption() {
        SimulatorOptions options =
                SimulatorArguments.parse(
                        "--bootstrap",
                        "127.0.0.1:1",
                        "--producer-config",
                        "/etc/simulator.properties");
        assertThat(options.producerConfig()).isEqualTo(Path.of("/etc/simulator.properties"));
        assertThat(SimulatorArguments.parse("--bootstrap", "127.0.0.1:1").producerConfig())
                .isNull();
    }

    @Test
    void shouldHandTheSettingsFileToTheProducer(@TempDir Path dir) throws Exception {
        Path settings = dir.resolve("producer.properties");
        Files.writeString(settings, "security.protocol=NO_SUCH_PROTOCOL\n");
        // The file's setting overrides the default (PLAINTEXT), so the client refuses it.
        assertThatThrownBy(() -> KafkaSink.connect("127.0.0.1:1", settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NO_SUCH_PROTOCOL");
    }

    @Test
    void shouldNameAMissingSettingsFile(@TempDir Path dir) {
        assertThatThrownBy(() -> KafkaSink.connect("127.0.0.1:1", dir.resolve("missing")))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("--producer-config");
    }
}
