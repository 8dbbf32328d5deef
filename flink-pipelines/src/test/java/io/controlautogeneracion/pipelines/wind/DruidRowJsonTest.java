package io.controlautogeneracion.pipelines.wind;

import static io.controlautogeneracion.pipelines.wind.WindFixtures.OWNER_A;
import static io.controlautogeneracion.pipelines.wind.WindFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The JSON the Druid supervisors ingest. */
class DruidRowJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldWriteAWindAlarmWithTheSeedColumnsLevelAndEpisodeTimes() throws Exception {
        WindAlarm alarm =
                new WindAlarm(
                        "W-1",
                        T0 + 9_000,
                        27.0,
                        "Storm over",
                        AlarmLevel.STORM,
                        T0,
                        T0 + 4_000,
                        OWNER_A,
                        EnrichmentStatus.OK);

        JsonNode row = JSON.readTree(DruidRowJson.alarmRow(alarm));

        assertThat(row.get("client_id").asText()).isEqualTo("C-A");
        assertThat(row.get("wind_id").asText()).isEqualTo("W-1");
        assertThat(row.get("postal_code").asText()).isEqualTo("28013");
        assertThat(row.get("apell_2").asText()).isEqualTo("López");
        assertThat(row.get("wind_speed").asDouble()).isEqualTo(27.0);
        assertThat(row.get("text_alarm").asText()).isEqualTo("Storm over");
        assertThat(row.get("timestamp").asText()).isEqualTo("2026-11-28T12:00:09Z");
        assertThat(row.get("level").asText()).isEqualTo("storm");
        assertThat(row.get("episode_start").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(row.get("episode_end").asText()).isEqualTo("2026-11-28T12:00:04Z");
        assertThat(row.get("install_date").asText()).isEqualTo("2025-01-02");
        assertThat(row.get("install_date").asText()).isEqualTo("2025-01-02");
        assertThat(row.get("enrichment_status").asText()).isEqualTo("ok");
    }

    @Test
    void shouldWriteASilentSensorWithLevelSilentAndNoSpeed() throws Exception {
        WindAlarm alarm =
                new WindAlarm(
                        "W-9",
                        T0,
                        null,
                        "Sensor silent",
                        AlarmLevel.SILENT,
                        T0 - 5_000,
                        null,
                        CatalogColumns.NONE,
                        EnrichmentStatus.UNKNOWN_DEVICE);

        JsonNode row = JSON.readTree(DruidRowJson.alarmRow(alarm));

        assertThat(row.get("level").asText()).isEqualTo("silent");
        assertThat(row.get("wind_speed").isNull()).isTrue();
        assertThat(row.get("client_id").isNull()).isTrue();
        assertThat(row.get("episode_end").isNull()).isTrue();
        assertThat(row.get("enrichment_status").asText()).isEqualTo("unknown_device");
    }

    @Test
    void shouldWriteAWindReadingRowWithItsEnrichmentStatus() throws Exception {
        WindSecond second =
                new WindSecond(
                        "W-1",
                        T0,
                        12.0,
                        14.0,
                        null,
                        90.0,
                        3,
                        CatalogColumns.NONE,
                        EnrichmentStatus.CATALOG_UNAVAILABLE,
                        15.0,
                        25.0);

        JsonNode row = JSON.readTree(DruidRowJson.readingRow(second));

        assertThat(row.get("wind_speed_avg").asDouble()).isEqualTo(12.0);
        assertThat(row.get("samples").asInt()).isEqualTo(3);
        assertThat(row.get("gust_max").isNull()).isTrue();
        assertThat(row.get("client_id").isNull()).isTrue();
        assertThat(row.get("enrichment_status").asText()).isEqualTo("catalog_unavailable");
    }
}
