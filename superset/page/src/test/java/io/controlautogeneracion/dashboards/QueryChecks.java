package io.controlautogeneracion.dashboards;

import static io.controlautogeneracion.dashboards.Fleet.JULY;
import static io.controlautogeneracion.dashboards.Fleet.JUNE;
import static io.controlautogeneracion.dashboards.Fleet.JUN_1_10H;
import static io.controlautogeneracion.dashboards.Fleet.JUN_1_11H;
import static io.controlautogeneracion.dashboards.Fleet.JUN_2_10H;
import static io.controlautogeneracion.dashboards.Fleet.JUN_2_11H;
import static io.controlautogeneracion.dashboards.Fleet.MAY_1_10H;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer each named query must give on the {@link Fleet}, worked out by hand: one check per
 * query of {@code druid/queries/}, run with the query's documented parameters.
 */
final class QueryChecks {
    private static final double EPS = 1e-9;

    /** Runs the named query under check with positional parameters. */
    @FunctionalInterface
    interface QueryRunner {
        List<Map<String, Object>> run(Object... params);
    }

    /** The expected answer of one query. */
    @FunctionalInterface
    interface QueryCheck {
        void verify(QueryRunner query);
    }

    private QueryChecks() {}

    /** The check of every named query, by query name. */
    static Map<String, QueryCheck> of(Fleet fleet) {
        Map<String, QueryCheck> checks = new LinkedHashMap<>();
        checks.put(
                "panel_generation_hourly",
                q -> {
                    List<Map<String, Object>> c1 =
                            q.run(
                                    "client_id",
                                    "client_id",
                                    "C-1",
                                    JUNE,
                                    Instant.parse("2026-06-03T00:00:00Z"));
                    assertThat(times(c1, "slot_start"))
                            .containsExactly(JUN_1_10H, JUN_1_11H, JUN_2_10H, JUN_2_11H);
                    // A client's panels are its rows of the slot (counted, not estimated).
                    assertThat(c1).allSatisfy(slot -> assertThat(num(slot, "panels")).isOne());
                    assertThat(num(c1.get(0), "power_gen")).isEqualTo(300.0);
                    // No reference slot: null, never 0.
                    assertThat(c1.get(0).get("diff_last_hour")).isNull();
                    assertThat(c1.get(0).get("diff_last_day")).isNull();
                    assertThat(num(c1.get(0), "panels_with_last_day")).isZero();
                    assertThat(num(c1.get(1), "diff_last_hour")).isEqualTo(100.0);
                    assertThat(num(c1.get(3), "diff_last_day")).isEqualTo(-20.0);
                    assertThat(num(c1.get(3), "acum_day")).isEqualTo(730.0);
                    assertThat(num(c1.get(3), "acum_month")).isEqualTo(1430.0);

                    List<Map<String, Object>> postal =
                            q.run("postal_code", "postal_code", "28001", JUN_2_11H, JULY);
                    assertThat(postal).hasSize(1);
                    assertThat(num(postal.get(0), "panels")).isEqualTo(2.0);
                    assertThat(num(postal.get(0), "power_gen")).isEqualTo(500.0);
                    assertThat(num(postal.get(0), "diff_last_day")).isEqualTo(-150.0);
                    assertThat(num(postal.get(0), "acum_month")).isEqualTo(2100.0);

                    List<Map<String, Object>> model =
                            q.run("model", "model", "SP-300", MAY_1_10H, JULY);
                    assertThat(times(model, "slot_start")).containsExactly(MAY_1_10H, JUN_1_10H);
                    assertThat(num(model.get(1), "panels")).isEqualTo(1.0);
                    assertThat(num(model.get(1), "diff_last_month")).isEqualTo(100.0);
                    assertThat(num(model.get(1), "acum_year")).isEqualTo(1100.0);
                });
        checks.put(
                "panel_generation_daily",
                q -> {
                    // Madrid days: local midnight is 22:00 UTC in summer.
                    List<Map<String, Object>> days =
                            q.run(
                                    "Europe/Madrid",
                                    "postal_code",
                                    "28001",
                                    Instant.parse("2026-05-31T22:00:00Z"),
                                    Instant.parse("2026-06-02T22:00:00Z"));
                    assertThat(times(days, "day_start"))
                            .containsExactly(
                                    Instant.parse("2026-05-31T22:00:00Z"),
                                    Instant.parse("2026-06-01T22:00:00Z"));
                    assertThat(num(days.get(0), "power_gen")).isEqualTo(1150.0);
                    assertThat(days.get(0).get("diff_last_day")).isNull();
                    assertThat(num(days.get(1), "power_gen")).isEqualTo(950.0);
                    // 950 − 1150: the day against the previous one.
                    assertThat(num(days.get(1), "diff_last_day")).isEqualTo(-200.0);
                    assertThat(num(days.get(1), "acum_month")).isEqualTo(2100.0);
                    assertThat(num(days.get(1), "panels")).isEqualTo(2.0);
                });
        checks.put(
                "panel_generation_monthly",
                q -> {
                    List<Map<String, Object>> months =
                            q.run("UTC", "client_id", "C-3", MAY_1_10H.minusSeconds(36_000), JULY);
                    assertThat(times(months, "month_start"))
                            .containsExactly(Instant.parse("2026-05-01T00:00:00Z"), JUNE);
                    assertThat(num(months.get(0), "power_gen")).isEqualTo(500.0);
                    assertThat(months.get(0).get("diff_last_month")).isNull();
                    assertThat(num(months.get(1), "power_gen")).isEqualTo(600.0);
                    assertThat(num(months.get(1), "diff_last_month")).isEqualTo(100.0);
                    assertThat(num(months.get(0), "acum_year")).isEqualTo(500.0);
                    assertThat(num(months.get(1), "acum_year")).isEqualTo(1100.0);
                });
        checks.put(
                "panel_generation_by_client",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY);
                    assertThat(strings(rows, "client_id")).containsExactly("C-1", "C-2", "C-3");
                    assertThat(doubles(rows, "power_gen")).containsExactly(1430.0, 670.0, 600.0);
                    assertThat(rows.get(0)).containsEntry("name", "Ana");
                    assertThat(rows.get(2)).containsEntry("postal_code", "35001");
                    // Counted, not estimated: one panel each.
                    assertThat(rows).allSatisfy(row -> assertThat(num(row, "panels")).isOne());
                });
        checks.put(
                "panel_generation_by_postal_code",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY);
                    assertThat(strings(rows, "postal_code")).containsExactly("28001", "35001");
                    assertThat(doubles(rows, "power_gen")).containsExactly(2100.0, 600.0);
                    assertThat(num(rows.get(0), "clients")).isEqualTo(2.0);
                    assertThat(num(rows.get(0), "panels")).isEqualTo(2.0);
                    assertThat(num(rows.get(1), "panels")).isEqualTo(1.0);
                    assertThat(num(rows.get(0), "power_gen_per_panel")).isEqualTo(1050.0);
                });
        checks.put(
                "panel_generation_by_model",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY);
                    assertThat(strings(rows, "model")).containsExactly("SP-400", "SP-300");
                    assertThat(doubles(rows, "power_gen_per_panel")).containsExactly(1050.0, 600.0);
                    assertThat(num(rows.get(0), "avg_coverage")).isCloseTo(7.4 / 8, within(EPS));
                    assertThat(num(rows.get(0), "panels")).isEqualTo(2.0);
                    assertThat(num(rows.get(1), "panels")).isEqualTo(1.0);
                    // P-3's two hours, one in May: June's alone.
                    assertThat(num(rows.get(1), "avg_coverage")).isEqualTo(1.0);
                });
        checks.put(
                "underproducing_panels",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY, 2L);
                    // P-2 lost most (300 + 250 Wh), then P-1 (120); P-3 (50) is cut by the limit.
                    assertThat(strings(rows, "panel_id")).containsExactly("P-2", "P-1");
                    assertThat(doubles(rows, "shortfall_wh")).containsExactly(550.0, 120.0);
                    assertThat(num(rows.get(0), "alarm_hours")).isEqualTo(2.0);
                    assertThat(num(rows.get(0), "worst_hour_wh")).isEqualTo(300.0);
                    assertThat(rows.get(0))
                            .containsEntry("last_text_alarm", "P-2 produced 120 Wh of 370");
                    assertThat(time(rows.get(0), "last_alarm")).isEqualTo(JUN_2_11H);
                });
        checks.put(
                "panel_data_quality",
                q -> {
                    List<Map<String, Object>> rows = q.run(0.9, JUNE, JULY, 0.9);
                    // P-2 for its coverage, P-3 for its counter reset; P-1 is fine.
                    assertThat(strings(rows, "panel_id")).containsExactly("P-2", "P-3");
                    assertThat(num(rows.get(0), "incomplete_hours")).isEqualTo(1.0);
                    assertThat(num(rows.get(0), "hours")).isEqualTo(4.0);
                    assertThat(num(rows.get(0), "min_coverage")).isEqualTo(0.4);
                    assertThat(num(rows.get(0), "samples")).isEqualTo(204.0);
                    assertThat(num(rows.get(0), "gap_filled_wh")).isEqualTo(60.0);
                    assertThat(num(rows.get(0), "counter_glitches")).isEqualTo(2.0);
                    assertThat(num(rows.get(1), "counter_resets")).isEqualTo(1.0);
                    assertThat(num(rows.get(1), "incomplete_hours")).isEqualTo(0.0);
                });
        checks.put(
                "light_potential_by_site",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY);
                    assertThat(strings(rows, "light_id")).startsWith("L-1", "L-2");
                    assertThat(num(rows.get(0), "estimated_energy_wh")).isEqualTo(1320.0);
                    assertThat(num(rows.get(0), "avg_irradiance_wm2")).isEqualTo(550.0);
                    assertThat(num(rows.get(0), "max_lux")).isEqualTo(90_000.0);
                    assertThat(rows.get(0)).containsEntry("address", "Calle Mayor 1");
                    assertThat(num(rows.get(1), "estimated_energy_wh")).isEqualTo(640.0);
                });
        checks.put(
                "light_optimal_orientation",
                q -> {
                    List<Map<String, Object>> rows = q.run();
                    // L-3 never had an estimate; L-1's newest hour has none, so its last one
                    // counts.
                    assertThat(strings(rows, "light_id")).containsExactlyInAnyOrder("L-1", "L-2");
                    Map<String, Object> l1 = byKey(rows, "light_id", "L-1");
                    assertThat(num(l1, "optimal_tilt")).isEqualTo(34.0);
                    assertThat(num(l1, "optimal_azimuth")).isEqualTo(180.0);
                    assertThat(time(l1, "estimated_at")).isEqualTo(JUN_1_11H);
                    assertThat(num(byKey(rows, "light_id", "L-2"), "optimal_tilt")).isEqualTo(28.0);
                });
        checks.put(
                "light_sensor_hourly",
                q -> {
                    List<Map<String, Object>> rows = q.run("L-1", JUNE, JULY);
                    assertThat(times(rows, "slot_start"))
                            .containsExactly(JUN_1_10H, JUN_1_11H, JUN_2_10H);
                    assertThat(doubles(rows, "estimated_power_w"))
                            .containsExactly(400.0, 480.0, 440.0);
                    assertThat(rows.get(2).get("optimal_tilt")).isNull();
                });
        checks.put(
                "sensor_alarms",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUNE, JULY);
                    assertThat(strings(rows, "light_id")).containsExactly("L-1", "L-2");
                    assertThat(num(rows.get(0), "alarm_hours")).isEqualTo(2.0);
                    assertThat(num(rows.get(0), "shortfall_w")).isEqualTo(200.0);
                    assertThat(rows.get(0))
                            .containsEntry("last_text_alarm", "L-1 frozen at 66000 lx");
                    assertThat(rows.get(1).get("shortfall_w")).isNull();
                });
        checks.put(
                "wind_alarms_last_hours",
                q -> {
                    List<Map<String, Object>> rows = q.run(2L);
                    Instant t0 = fleet.t0;
                    assertThat(times(rows, "alarm_time"))
                            .containsExactly(
                                    t0.plusSeconds(180),
                                    t0.plusSeconds(30),
                                    t0.plusSeconds(10),
                                    t0);
                    assertThat(strings(rows, "level"))
                            .containsExactly("storm", "storm", "warning", "warning");
                    assertThat(rows.get(0))
                            .containsEntry("episode_end", t0.plusSeconds(120).toString());
                    assertThat(rows.get(0)).containsEntry("name", "Ana");
                    // Six hours back also reach the silent anemometer of five hours ago.
                    assertThat(q.run(6L)).hasSize(6);
                });
        checks.put(
                "wind_open_episodes",
                q -> {
                    List<Map<String, Object>> rows = q.run();
                    // W-1's storm closed; its silence of five hours ago closed too; W-2 is open.
                    assertThat(strings(rows, "wind_id")).containsExactly("W-2");
                    assertThat(rows.get(0)).containsEntry("level", "warning");
                    assertThat(rows.get(0))
                            .containsEntry("episode_start", fleet.t0.plusSeconds(10).toString());
                    assertThat(num(rows.get(0), "peak_wind_speed")).isEqualTo(16.0);
                    assertThat(rows.get(0)).containsEntry("postal_code", "35001");
                });
        checks.put(
                "wind_speed_per_minute",
                q -> {
                    List<Map<String, Object>> rows = q.run(2L);
                    Instant t0 = fleet.t0;
                    assertThat(rows).hasSize(3);
                    Map<String, Object> w1 = rows.get(0);
                    assertThat(time(w1, "minute_start")).isEqualTo(t0);
                    assertThat(w1).containsEntry("wind_id", "W-1");
                    // (10 × 4 + 14 × 6) / 10 readings.
                    assertThat(num(w1, "wind_speed_avg")).isCloseTo(12.4, within(EPS));
                    assertThat(num(w1, "wind_speed_max")).isEqualTo(18.0);
                    assertThat(num(w1, "gust_max")).isEqualTo(22.0);
                    assertThat(num(w1, "samples")).isEqualTo(10.0);
                    assertThat(rows.get(1)).containsEntry("wind_id", "W-2");
                    assertThat(time(rows.get(2), "minute_start")).isEqualTo(t0.plusSeconds(60));
                });
        checks.put(
                "topic_throughput_per_minute",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUN_1_10H, JUN_1_11H);
                    assertThat(rows).hasSize(3);
                    Map<String, Object> panel = rows.get(0);
                    assertThat(time(panel, "minute_start")).isEqualTo(JUN_1_10H);
                    assertThat(panel).containsEntry("topic", "panel");
                    assertThat(num(panel, "messages")).isEqualTo(150.0);
                    assertThat(num(panel, "messages_per_second")).isEqualTo(2.5);
                    assertThat(num(panel, "bytes")).isEqualTo(15_000.0);
                    assertThat(num(panel, "invalid")).isEqualTo(2.0);
                    // Weighted by valid messages: (50 × 98 + 80 × 50) / 148.
                    assertThat(num(panel, "latency_avg_ms"))
                            .isCloseTo((50.0 * 98 + 80.0 * 50) / 148, within(1e-6));
                    assertThat(num(panel, "latency_p95_ms")).isEqualTo(100.0);
                    assertThat(num(panel, "lag")).isEqualTo(3.0);
                    assertThat(rows.get(1)).containsEntry("topic", "sensor-wind");
                    assertThat(num(rows.get(1), "messages")).isEqualTo(200.0);
                    Map<String, Object> invalidOnly = rows.get(2);
                    assertThat(time(invalidOnly, "minute_start"))
                            .isEqualTo(JUN_1_10H.plusSeconds(60));
                    assertThat(invalidOnly.get("latency_avg_ms")).isNull();
                    assertThat(invalidOnly.get("lag")).isNull();
                });
        checks.put(
                "topic_ingestion_summary",
                q -> {
                    List<Map<String, Object>> rows = q.run(JUN_1_10H, JUN_1_11H);
                    assertThat(strings(rows, "topic")).containsExactly("sensor-wind", "panel");
                    Map<String, Object> panel = rows.get(1);
                    assertThat(num(panel, "messages")).isEqualTo(180.0);
                    assertThat(num(panel, "invalid")).isEqualTo(32.0);
                    assertThat(num(panel, "invalid_share")).isCloseTo(32.0 / 180, within(EPS));
                    assertThat(num(panel, "max_lag")).isEqualTo(5.0);
                    assertThat(q.run(JUNE, JUN_1_10H)).isEmpty();
                });
        return checks;
    }

    static double num(Map<String, Object> row, String column) {
        Object value = row.get(column);
        assertThat(value).as(column + " of " + row).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    static Instant time(Map<String, Object> row, String column) {
        return Instant.parse(String.valueOf(row.get(column)));
    }

    private static List<Instant> times(List<Map<String, Object>> rows, String column) {
        List<Instant> out = new ArrayList<>();
        rows.forEach(r -> out.add(time(r, column)));
        return out;
    }

    private static List<Double> doubles(List<Map<String, Object>> rows, String column) {
        List<Double> out = new ArrayList<>();
        rows.forEach(r -> out.add(num(r, column)));
        return out;
    }

    private static List<String> strings(List<Map<String, Object>> rows, String column) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add((String) r.get(column)));
        return out;
    }

    private static Map<String, Object> byKey(
            List<Map<String, Object>> rows, String column, String value) {
        return rows.stream()
                .filter(r -> value.equals(r.get(column)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }
}
