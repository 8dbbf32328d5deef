package io.controlautogeneracion.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.testing.ProjectFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchSettingsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:17:00Z");

    private static HourRange range(String... args) {
        return BatchSettings.range(new JobParameters(args, Map.of(), "BATCH"), NOW);
    }

    @Test
    void shouldRunTheLastClosedHourByDefault() {
        assertThat(range()).isEqualTo(HourRange.hour(Instant.parse("2026-06-01T09:00:00Z")));
    }

    @Test
    void shouldRunOneHourOrARange() {
        assertThat(range("--hour", "2026-05-01T03:00:00Z").hours()).isEqualTo(1);
        HourRange r = range("--from", "2026-05-01T00:00:00Z", "--to", "2026-05-02T00:00:00Z");
        assertThat(r.hours()).isEqualTo(24);
        assertThat(r.interval()).isEqualTo("2026-05-01T00:00:00Z/2026-05-02T00:00:00Z");
    }

    @Test
    void shouldRefuseARangeThatIsNotOnWholeHours() {
        assertThatThrownBy(
                        () ->
                                range(
                                        "--from",
                                        "2026-05-01T00:30:00Z",
                                        "--to",
                                        "2026-05-02T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenderEveryTaskTemplateIntoATaskThatReplacesExactlyItsIntervals() throws Exception {
        DruidLoad load =
                new DruidLoad(null, ProjectFiles.path("druid/tasks"), Duration.ofMinutes(5), 1);
        List<HourRange> intervals =
                HourRange.merge(
                        List.of(
                                Instant.parse("2026-06-01T10:00:00Z"),
                                Instant.parse("2026-06-01T11:00:00Z"),
                                Instant.parse("2026-06-01T14:00:00Z")));
        for (String ds :
                new String[] {"panel_report", "panel_alarm", "light_report", "sensor_alarm"}) {
            String task =
                    load.task(
                            ds,
                            intervals,
                            DruidLoad.Granularity.HOUR,
                            java.nio.file.Path.of("/data/batch/" + ds));
            JsonNode spec = new ObjectMapper().readTree(task).path("spec");
            assertThat(spec.at("/dataSchema/dataSource").asText()).isEqualTo(ds);
            assertThat(spec.at("/dataSchema/granularitySpec/intervals/0").asText())
                    .isEqualTo("2026-06-01T10:00:00Z/2026-06-01T12:00:00Z");
            assertThat(spec.at("/dataSchema/granularitySpec/intervals/1").asText())
                    .isEqualTo("2026-06-01T14:00:00Z/2026-06-01T15:00:00Z");
            assertThat(spec.at("/dataSchema/granularitySpec/segmentGranularity").asText())
                    .isEqualTo("hour");
            assertThat(spec.at("/ioConfig/appendToExisting").asBoolean()).isFalse();
            assertThat(spec.at("/ioConfig/dropExisting").asBoolean()).isTrue();
            assertThat(spec.at("/ioConfig/inputSource/baseDir").asText())
                    .isEqualTo("/data/batch/" + ds);
        }
    }
}
