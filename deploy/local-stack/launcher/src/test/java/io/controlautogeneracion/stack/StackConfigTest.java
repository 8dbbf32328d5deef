package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {
    @TempDir Path project;

    @Test
    void shouldBindEverythingToLoopbackByDefault() {
        StackConfig config = StackConfig.load(project, Map.of(), new Properties());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port("kafka")).isEqualTo(9092);
        assertThat(config.dataDir()).isEqualTo(project.resolve(".local-stack"));
    }

    @Test
    void shouldLetTheProjectFileThenEnvironmentThenSystemPropertiesOverride() throws IOException {
        Files.writeString(
                project.resolve("local-stack.properties"),
                "kafka.port=19092\nzookeeper.port=12181\nmongo.port=17017\n");
        Properties system = new Properties();
        system.setProperty("stack.mongo.port", "37017");
        StackConfig config =
                StackConfig.load(
                        project,
                        Map.of("STACK_ZOOKEEPER_PORT", "22181", "STACK_MONGO_PORT", "27018"),
                        system);
        assertThat(config.port("kafka")).isEqualTo(19092);
        assertThat(config.port("zookeeper")).isEqualTo(22181);
        assertThat(config.port("mongo")).isEqualTo(37017);
    }

    @Test
    void shouldRefuseAnUnknownOverride() {
        StackConfig config = StackConfig.load(project, Map.of(), new Properties());
        assertThatThrownBy(() -> config.with(Map.of("kafka.prot", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.prot");
    }

    @Test
    void shouldNameEnvironmentVariablesAfterKeys() {
        assertThat(StackConfig.envName("druid.coordinator.port"))
                .isEqualTo("STACK_DRUID_COORDINATOR_PORT");
    }
}
