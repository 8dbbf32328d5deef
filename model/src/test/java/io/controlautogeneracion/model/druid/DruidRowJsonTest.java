package io.controlautogeneracion.model.druid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DruidRowJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant HOUR = Instant.parse("2026-11-28T13:00:00Z");
    static final Enrichment ENRICHMENT =
            new Enrichment(
                    "C-1",
                    "Calle Mayor 1",
                    "28013",
                    "Ana",
                    "García",
                    "López",
                    "SunPower X22",
                    LocalDate.of(2024, 3, 1),
                    LocalDate.of(2024, 6, 15));
    static final List<String> ENRICHMENT_COLUMNS =
            List.of(
                    "client_id",
                    "address",
                    "postal_code",
                    "name",
                    "apell_1",
                    "apell_2",
                    "model",
                    "manufacture_date",
                    "install_date");

    static List<String> columns(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> windAlarmColumns() {
        return enriched(
                "wind_id",
                "timestamp",
                "wind_speed",
                "text_alarm",
                "level",
                "episode_start",
                "episode_end");
    }

    static List<String> enriched(String... columns) {
        List<String> all = new ArrayList<>(ENRICHMENT_COLUMNS);
        all.addAll(List.of(columns));
        return all;
    }

    static PanelReportRow panelReport() {
        return new PanelReportRow(
                ENRICHMENT,
                "P-1",
                HOUR,
                812.5,
                10.0,
                null,
                -3.5,
                null,
                null,
                null,
                1000,
                2000,
                3000,
                4000,
                5000,
                "Europe/Madrid",
                new PanelQuality(720, 0.98, 12.5, 1, 2));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(
                        panelReport(),
                        enriched(
                                "panel_id",
                                "timestamp",
                                "power_gen",
                                "diff_last_hour",
                                "diff_last_day",
                                "diff_last_month",
                                "diff_last_quar",
                                "diff_last_six",
                                "diff_last_year",
                                "acum_day",
                                "acum_month",
                                "acum_quarter",
                                "acum_semestre",
                                "acum_year",
                                "timezone",
                                "samples",
                                "coverage",
                                "gap_filled_wh",
                                "counter_resets",
                                "counter_glitches")),
                Arguments.of(
                        new PanelAlarmRow(
                                ENRICHMENT,
                                "P-1",
                                HOUR,
                                250.0,
                                "panel P-1 produced 550 Wh, 69 % of the 800 Wh expected"),
                        enriched("panel_id", "timestamp", "power_low", "text_alarm")),
                Arguments.of(
                        new SensorAlarmRow(
                                Enrichment.none(),
                                "L-1",
                                HOUR,
                                41.5,
                                "lux frozen at 1234.0 for 2 h"),
                        enriched("light_id", "timestamp", "power_low", "text_alarm")),
                Arguments.of(
                        new WindAlarmRow(
                                ENRICHMENT,
                                "W-1",
                                HOUR.plusSeconds(42),
                                27.4,
                                "storm: 27.4 m/s over the 25 m/s threshold",
                                WindAlarmRow.Level.STORM,
                                HOUR.plusSeconds(12),
                                null),
                        windAlarmColumns()),
                Arguments.of(
                        new WindAlarmRow(
                                ENRICHMENT,
                                "W-1",
                                HOUR.plusSeconds(50),
                                null,
                                "silent: no reading for 40 s",
                                WindAlarmRow.Level.SILENT,
                                HOUR.plusSeconds(10),
                                null),
                        windAlarmColumns()),
                Arguments.of(
                        new WindReadingRow(ENRICHMENT, "W-1", HOUR, 8.25, 9.5, 12.0, 271.5, 4),
                        enriched(
                                "wind_id",
                                "timestamp",
                                "wind_speed_avg",
                                "wind_speed_max",
                                "gust_max",
                                "wind_direction",
                                "samples")),
                Arguments.of(
                        new LightReportRow(
                                ENRICHMENT,
                                "L-1",
                                HOUR,
                                42000,
                                61000.5,
                                350,
                                280.0,
                                34.5,
                                180.0,
                                3600),
                        enriched(
                                "light_id",
                                "timestamp",
                                "lux_avg",
                                "lux_max",
                                "irradiance_wm2",
                                "estimated_power_w",
                                "optimal_tilt",
                                "optimal_azimuth",
                                "samples")),
                Arguments.of(
                        new TopicStatsRow(
                                "panel", HOUR, 12000, 1_800_000, 3, 41.5, 120.0, 900.0, 0L),
                        List.of(
                                "topic",
                                "timestamp",
                                "messages",
                                "bytes",
                                "invalid",
                                "latency_avg_ms",
                                "latency_p95_ms",
                                "latency_max_ms",
                                "lag")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void shouldWriteTheDruidColumnsAndReadThemBack(Record row, List<String> columns)
            throws Exception {
        String json = MAPPER.writeValueAsString(row);
        JsonNode tree = MAPPER.readTree(json);

        assertThat(columns(tree)).containsExactlyElementsOf(columns);
        assertThat(tree.get("timestamp").textValue()).startsWith("2026-11-28T13:00:");
        assertThat(MAPPER.readValue(json, row.getClass())).isEqualTo(row);
    }

    @Test
    void shouldWriteDatesAsIsoAndNullsExplicitly() throws Exception {
        JsonNode tree = MAPPER.valueToTree(panelReport());

        assertThat(tree.get("timestamp").textValue()).isEqualTo("2026-11-28T13:00:00Z");
        assertThat(tree.get("manufacture_date").textValue()).isEqualTo("2024-03-01");
        assertThat(tree.get("apell_1").textValue()).isEqualTo("García");
        assertThat(tree.get("diff_last_day").isNull()).isTrue();
        assertThat(tree.get("diff_last_month").doubleValue()).isEqualTo(-3.5);
    }

    @Test
    void shouldWriteAllEnrichmentColumnsAsNullForAnUnknownDevice() throws Exception {
        JsonNode tree =
                MAPPER.valueToTree(new PanelAlarmRow(null, "P-9", HOUR, 100, "no output at noon"));

        for (String column : ENRICHMENT_COLUMNS) {
            assertThat(tree.get(column).isNull()).as(column).isTrue();
        }
    }

    @Test
    void shouldWriteTheWindLevelInLowerCase() throws Exception {
        JsonNode tree =
                MAPPER.valueToTree(
                        new WindAlarmRow(
                                null,
                                "W-1",
                                HOUR,
                                18.0,
                                "warning",
                                WindAlarmRow.Level.WARNING,
                                HOUR,
                                HOUR.plusSeconds(30)));

        assertThat(tree.get("level").textValue()).isEqualTo("warning");
        assertThat(tree.get("episode_end").textValue()).isEqualTo("2026-11-28T13:00:30Z");
    }

    @Test
    void shouldReadEpochMillisAndOffsetsAsDruidMayAnswerThem() throws Exception {
        String json =
                "{\"topic\":\"panel\",\"timestamp\":1795957200000,\"messages\":1,\"bytes\":2,"
                        + "\"invalid\":0,\"latency_avg_ms\":null,\"latency_p95_ms\":null,"
                        + "\"latency_max_ms\":null,\"lag\":null}";
        String row =
                "{\"light_id\":\"L-1\",\"timestamp\":\"2026-11-28T14:00:00+01:00\",\"lux_avg\":1,"
                        + "\"lux_max\":2,\"irradiance_wm2\":0.01,\"samples\":3}";

        assertThat(MAPPER.readValue(json, TopicStatsRow.class).timestamp())
                .isEqualTo(Instant.ofEpochMilli(1795957200000L));
        LightReportRow light = MAPPER.readValue(row, LightReportRow.class);
        assertThat(light.timestamp()).isEqualTo(HOUR);
        assertThat(light.enrichment()).isEqualTo(Enrichment.none());
        assertThat(light.optimalTilt()).isNull();
    }

    @Test
    void shouldRejectARowWithoutItsRequiredColumns() {
        assertThatThrownBy(
                        () ->
                                MAPPER.readValue(
                                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2026-11-28T13:00:00Z\"}",
                                        PanelReportRow.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("power_gen");
        assertThatThrownBy(() -> MAPPER.readValue("[1]", PanelAlarmRow.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void shouldBuildAPanelReportFromDiffsAndRunningTotals() {
        Map<Comparison, Double> diffs =
                Map.of(Comparison.LAST_HOUR, 12.0, Comparison.LAST_YEAR, -4.0);
        Map<Period, Double> acum =
                Map.of(
                        Period.DAY, 1.0,
                        Period.MONTH, 2.0,
                        Period.QUARTER, 3.0,
                        Period.SEMESTER, 4.0,
                        Period.YEAR, 5.0);

        PanelReportRow row =
                PanelReportRow.of(
                        ENRICHMENT,
                        "P-1",
                        HOUR,
                        80,
                        diffs,
                        acum,
                        "Europe/Madrid",
                        PanelQuality.complete(60));

        assertThat(row.diff(Comparison.LAST_HOUR)).isEqualTo(12.0);
        assertThat(row.diff(Comparison.LAST_YEAR)).isEqualTo(-4.0);
        assertThat(row.diff(Comparison.LAST_DAY)).isNull();
        for (Period p : Period.values()) {
            assertThat(row.acum(p)).isEqualTo(p.ordinal() + 1.0);
        }
        JsonNode tree = MAPPER.valueToTree(row);
        for (Comparison c : Comparison.values()) {
            assertThat(tree.has(c.column())).as(c.column()).isTrue();
        }
        assertThat(tree.get(Period.SEMESTER.column()).doubleValue()).isEqualTo(4.0);
    }

    @Test
    void shouldRefuseIncompleteRunningTotalsAndImpossibleCoverage() {
        assertThatThrownBy(
                        () ->
                                PanelReportRow.of(
                                        ENRICHMENT,
                                        "P-1",
                                        HOUR,
                                        80,
                                        Map.of(),
                                        Map.of(Period.DAY, 1.0),
                                        null,
                                        PanelQuality.complete(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acum_month");
        assertThatThrownBy(() -> new PanelQuality(1, 1.5, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PanelQuality(1, 1, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadAnEnrichmentOnItsOwn() throws Exception {
        String json = MAPPER.writeValueAsString(ENRICHMENT);

        assertThat(columns(MAPPER.readTree(json))).containsExactlyElementsOf(ENRICHMENT_COLUMNS);
        assertThat(MAPPER.readValue(json, Enrichment.class)).isEqualTo(ENRICHMENT);
    }
}
