package io.controlautogeneracion.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.pipelines.batch.BatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments first, then the environment, then the default; a mistake named in one line. */
class JobParametersTest {
    private static JobParameters params(Map<String, String> env, String... args) {
        return new JobParameters(args, env, "BATCH");
    }

    @Test
    void shouldTakeTheArgumentThenTheEnvironmentThenTheDefault() {
        JobParameters p =
                params(
                        Map.of("BATCH_GAP_REACH", "2 h", "BATCH_ALARM_RATIO", "0.5"),
                        "--alarm.ratio",
                        "0.8");

        assertThat(p.getDouble("alarm.ratio", 0.7)).isEqualTo(0.8);
        assertThat(p.getDuration("gap.reach", Duration.ofHours(48))).isEqualTo(Duration.ofHours(2));
        assertThat(p.getInt("parallelism", -1)).isEqualTo(-1);
    }

    @Test
    void shouldGatherEveryParameterUnderAPrefixFromArgumentsAndEnvironment() {
        JobParameters p =
                new JobParameters(
                        new String[] {
                            "--kafka.properties.security.protocol", "SASL_SSL",
                            "--kafka.bootstrap", "kafka:9092"
                        },
                        Map.of(
                                "WIND_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                                        "ScramLoginModule required;",
                                "WIND_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                                "WIND_KAFKA_PROPERTIES_SASL_MECHANISM", " ",
                                "LANDING_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN"),
                        "WIND");

        // The argument wins over the variable; a blank variable and another job's are ignored.
        assertThat(p.withPrefix("kafka.properties."))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "security.protocol", "SASL_SSL",
                                "sasl.jaas.config", "ScramLoginModule required;"));
        assertThat(params(Map.of()).withPrefix("kafka.properties.")).isEmpty();
    }

    @Test
    void shouldNameTheParameterThatIsMissingOrNotOfItsKind() {
        assertThatThrownBy(() -> params(Map.of()).required("kafka.bootstrap"))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessage(
                        "missing parameter --kafka.bootstrap (or environment variable"
                                + " BATCH_KAFKA_BOOTSTRAP)");
        assertThatThrownBy(() -> params(Map.of(), "--parallelism", "two").getInt("parallelism", 1))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessage("--parallelism must be a whole number, not 'two'");
        assertThatThrownBy(
                        () ->
                                params(Map.of("BATCH_GAP_REACH", "soon"))
                                        .getDuration("gap.reach", Duration.ZERO))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessageStartingWith("--gap.reach must be a duration");
    }

    @Test
    void shouldTellAWrongHourRangeAsABadParameter() {
        Instant now = Instant.parse("2026-12-05T10:30:00Z");

        assertThat(
                        BatchSettings.range(params(Map.of(), "--hour", "2026-12-05T08:00:00Z"), now)
                                .hours())
                .isEqualTo(1);
        assertThatThrownBy(() -> BatchSettings.range(params(Map.of(), "--from", "yesterday"), now))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessageStartingWith("--from must be an instant");
        assertThatThrownBy(
                        () ->
                                BatchSettings.range(
                                        params(Map.of(), "--from", "2026-12-05T08:00:00Z"), now))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessageStartingWith("missing parameter --to");
        assertThatThrownBy(
                        () ->
                                BatchSettings.range(
                                        params(
                                                Map.of(),
                                                "--from",
                                                "2026-12-05T08:00:00Z",
                                                "--to",
                                                "2026-12-05T07:00:00Z"),
                                        now))
                .isInstanceOf(JobParameters.BadParameter.class)
                .hasMessageContaining("from before to");
    }
}
