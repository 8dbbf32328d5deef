package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.pipelines.JobParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindJobSettingsTest {
    private static WindJobSettings settings(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--kafka.bootstrap", "127.0.0.1:9092",
                                "--couchbase.connection-string", "couchbase://127.0.0.1",
                                "--couchbase.password", "secret",
                                "--checkpoint.dir", "/tmp/wind"));
        args.addAll(List.of(extra));
        return WindJobSettings.from(
                new JobParameters(args.toArray(String[]::new), Map.of(), "WIND"));
    }

    @Test
    void shouldNotLogTheCouchbasePassword() {
        assertThat(settings().toString()).doesNotContain("secret");
    }

    @Test
    void shouldPassKafkaClientSettingsToTheSourceAndSinksWithoutLoggingThem() {
        WindJobSettings s =
                settings(
                        "--kafka.properties.security.protocol",
                        "SASL_PLAINTEXT",
                        "--kafka.properties.sasl.jaas.config",
                        "ScramLoginModule required username=\"wind-job\""
                                + " password=\"kafka-secret\";");

        assertThat(s.kafkaProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsKey("sasl.jaas.config");
        assertThat(s.toString()).contains("sasl.jaas.config").doesNotContain("kafka-secret");
    }

    @Test
    void shouldGiveEveryCatalogAttemptItsChanceBeforeTheOperatorTimesOut() {
        // 3 attempts × 1 s + 100 ms + 200 ms backoff + 1 s.
        assertThat(settings().asyncTimeout()).isEqualTo(Duration.ofMillis(4300));
        assertThat(
                        settings("--catalog.attempts", "1", "--catalog.kv-timeout", "200 ms")
                                .asyncTimeout())
                .isEqualTo(Duration.ofMillis(1200));
    }
}
