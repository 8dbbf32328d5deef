package io.controlautogeneracion.dashboards;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small crafted fleet in every datasource, with figures chosen so each named query has one right
 * answer: three clients (two in postal code 28001, one in 35001), three panels of two models, three
 * light sensors, two anemometers, two topics. Batch datasources hold fixed hours of June 2026 (and
 * one of May); wind rows are placed relative to {@code now}, since their queries look back from the
 * present.
 */
final class Fleet {
    static final Instant MAY_1_10H = Instant.parse("2026-05-01T10:00:00Z");
    static final Instant JUN_1_10H = Instant.parse("2026-06-01T10:00:00Z");
    static final Instant JUN_1_11H = Instant.parse("2026-06-01T11:00:00Z");
    static final Instant JUN_2_10H = Instant.parse("2026-06-02T10:00:00Z");
    static final Instant JUN_2_11H = Instant.parse("2026-06-02T11:00:00Z");
    static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");
    static final String BATCH_INTERVAL = "2026-05-01T00:00:00Z/2026-07-01T00:00:00Z";

    /** The present the wind rows are placed around. */
    final Instant now;

    /** Start of the minute ten minutes ago: the wind episodes of the test start here. */
    final Instant t0;

    Fleet(Instant now) {
        this.now = now;
        this.t0 = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    }

    /** An interval of whole hours holding every wind row: from six hours ago to two from now. */
    String windInterval() {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return hour.minus(Duration.ofHours(6)) + "/" + hour.plus(Duration.ofHours(2));
    }

    private static final Map<String, Object> C1 =
            client("C-1", "Ana", "García", "López", "Calle Mayor 1", "28001");
    private static final Map<String, Object> C2 =
            client("C-2", "Luis", "Pérez", "Ruiz", "Calle de Alcalá 20", "28001");
    private static final Map<String, Object> C3 =
            client("C-3", "Marta", "Santana", "Díaz", "Calle Triana 5", "35001");

    List<Map<String, Object>> panelReport() {
        return List.of(
                // P-1 of C-1: two hours on two days, with the diffs and totals the batch writes.
                report("P-1", C1, "SP-400", JUN_1_10H, 300, null, null, null, 300, 300, 300, 300),
                report("P-1", C1, "SP-400", JUN_1_11H, 400, 100.0, null, null, 700, 700, 700, 700),
                report(
                        "P-1", C1, "SP-400", JUN_2_10H, 350, null, 50.0, null, 350, 1050, 1050,
                        1050),
                report(
                        "P-1", C1, "SP-400", JUN_2_11H, 380, 30.0, -20.0, null, 730, 1430, 1430,
                        1430),
                report("P-2", C2, "SP-400", JUN_1_10H, 200, null, null, null, 200, 200, 200, 200),
                report("P-2", C2, "SP-400", JUN_1_11H, 250, 50.0, null, null, 450, 450, 450, 450),
                // 24 readings over 40 % of the hour; 60 Wh across a gap; two counter glitches.
                quality(
                        report(
                                "P-2", C2, "SP-400", JUN_2_10H, 100, null, -100.0, null, 100, 550,
                                550, 550),
                        24,
                        0.4,
                        60,
                        0,
                        2),
                report("P-2", C2, "SP-400", JUN_2_11H, 120, 20.0, -130.0, null, 220, 670, 670, 670),
                // P-3 of C-3: one hour in May, one in June compared with it.
                report("P-3", C3, "SP-300", MAY_1_10H, 500, null, null, null, 500, 500, 500, 500),
                // Its counter restarted that hour.
                quality(
                        report(
                                "P-3", C3, "SP-300", JUN_1_10H, 600, null, null, 100.0, 600, 600,
                                1100, 1100),
                        60,
                        1.0,
                        0,
                        1,
                        0));
    }

    List<Map<String, Object>> panelAlarm() {
        return List.of(
                alarm(
                        "panel_id",
                        "P-1",
                        C1,
                        "SP-400",
                        JUN_2_10H,
                        120.0,
                        "P-1 produced 230 Wh of 350"),
                alarm(
                        "panel_id",
                        "P-2",
                        C2,
                        "SP-400",
                        JUN_2_10H,
                        300.0,
                        "P-2 produced 100 Wh of 400"),
                alarm(
                        "panel_id",
                        "P-2",
                        C2,
                        "SP-400",
                        JUN_2_11H,
                        250.0,
                        "P-2 produced 120 Wh of 370"),
                alarm(
                        "panel_id",
                        "P-3",
                        C3,
                        "SP-300",
                        JUN_1_10H,
                        50.0,
                        "P-3 produced 600 Wh of 650"));
    }

    List<Map<String, Object>> lightReport() {
        return List.of(
                light("L-1", C1, JUN_1_10H, 60_000, 80_000, 500, 400.0, 33.0, 178.0),
                light("L-1", C1, JUN_1_11H, 72_000, 90_000, 600, 480.0, 34.0, 180.0),
                // The newest hour of L-1 has no orientation estimate: the query keeps the last one.
                light("L-1", C1, JUN_2_10H, 66_000, 85_000, 550, 440.0, null, null),
                light("L-2", C3, JUN_1_10H, 96_000, 110_000, 800, 640.0, 28.0, 182.0),
                // L-3 has no location, so never an estimate.
                light("L-3", C2, JUN_1_10H, 30_000, 40_000, 250, null, null, null));
    }

    List<Map<String, Object>> sensorAlarm() {
        return List.of(
                alarm("light_id", "L-1", C1, "LX-1", JUN_2_10H, 200.0, "L-1 dropped to 25 %"),
                alarm("light_id", "L-1", C1, "LX-1", JUN_2_11H, null, "L-1 frozen at 66000 lx"),
                alarm("light_id", "L-2", C3, "LX-1", JUN_1_10H, null, "L-2 near zero in daylight"));
    }

    List<Map<String, Object>> topicStats() {
        Instant m0 = JUN_1_10H;
        return List.of(
                stats("panel", m0, 100, 10_000, 2, 50.0, 90.0, 120.0, 5L),
                stats("panel", m0.plusSeconds(10), 50, 5_000, 0, 80.0, 100.0, 150.0, 3L),
                // A bucket of only invalid messages: no latency, and the lag was not known.
                stats("panel", m0.plusSeconds(60), 30, 3_000, 30, null, null, null, null),
                stats("sensor-wind", m0, 200, 16_000, 0, 20.0, 30.0, 40.0, 0L));
    }

    /**
     * topic_stats buckets of the last minutes, for the real-time dashboard, which looks back from
     * now: two topics, two minutes each.
     */
    List<Map<String, Object>> recentTopicStats() {
        return List.of(
                stats("panel", t0, 120, 12_000, 3, 40.0, 80.0, 110.0, 4L),
                stats("panel", t0.plusSeconds(60), 90, 9_000, 1, 45.0, 85.0, 120.0, 2L),
                stats("sensor-wind", t0, 300, 24_000, 0, 20.0, 30.0, 40.0, 0L),
                stats("sensor-wind", t0.plusSeconds(60), 310, 24_800, 2, 22.0, 31.0, 45.0, 1L));
    }

    List<Map<String, Object>> windReading() {
        return List.of(
                second("W-1", C1, t0, 10, 12, 15.0, 4),
                second("W-1", C1, t0.plusSeconds(1), 14, 18, 22.0, 6),
                second("W-1", C1, t0.plusSeconds(60), 8, 9, 11.0, 5),
                second("W-2", C3, t0, 20, 21, 25.0, 5),
                // Five hours ago: outside a two-hour look-back.
                second("W-1", C1, now.minus(Duration.ofHours(5)), 3, 4, 5.0, 5));
    }

    List<Map<String, Object>> windAlarm() {
        Instant silentStart = now.minus(Duration.ofHours(5)).minus(Duration.ofMinutes(2));
        return List.of(
                windAlarm("W-1", C1, t0, "warning", 16.0, t0, null),
                windAlarm("W-1", C1, t0.plusSeconds(30), "storm", 26.0, t0, null),
                windAlarm("W-1", C1, t0.plusSeconds(180), "storm", 27.0, t0, t0.plusSeconds(120)),
                windAlarm("W-2", C3, t0.plusSeconds(10), "warning", 16.0, t0.plusSeconds(10), null),
                windAlarm(
                        "W-1",
                        C1,
                        now.minus(Duration.ofHours(5)),
                        "silent",
                        null,
                        silentStart,
                        null),
                windAlarm(
                        "W-1",
                        C1,
                        now.minus(Duration.ofHours(5)).plusSeconds(60),
                        "silent",
                        null,
                        silentStart,
                        now.minus(Duration.ofHours(5)).plusSeconds(60)));
    }

    private static Map<String, Object> client(
            String id, String name, String apell1, String apell2, String address, String postal) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("client_id", id);
        row.put("address", address);
        row.put("postal_code", postal);
        row.put("name", name);
        row.put("apell_1", apell1);
        row.put("apell_2", apell2);
        return row;
    }

    private static Map<String, Object> device(
            String idColumn, String id, Map<String, Object> client, String model, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", at.toString());
        row.put(idColumn, id);
        row.putAll(client);
        row.put("model", model);
        row.put("manufacture_date", "2025-01-10");
        row.put("install_date", "2025-03-01");
        return row;
    }

    private static Map<String, Object> report(
            String panel,
            Map<String, Object> client,
            String model,
            Instant hour,
            double powerGen,
            Double diffLastHour,
            Double diffLastDay,
            Double diffLastMonth,
            double acumDay,
            double acumMonth,
            double acumQuarter,
            double acumYear) {
        Map<String, Object> row = device("panel_id", panel, client, model, hour);
        row.put("power_gen", powerGen);
        row.put("diff_last_hour", diffLastHour);
        row.put("diff_last_day", diffLastDay);
        row.put("diff_last_month", diffLastMonth);
        row.put("diff_last_quar", null);
        row.put("diff_last_six", null);
        row.put("diff_last_year", null);
        row.put("acum_day", acumDay);
        row.put("acum_month", acumMonth);
        row.put("acum_quarter", acumQuarter);
        row.put("acum_semestre", acumQuarter);
        row.put("acum_year", acumYear);
        row.put(
                "timezone",
                client.get("postal_code").equals("35001") ? "Atlantic/Canary" : "Europe/Madrid");
        row.put("samples", 60);
        row.put("coverage", 1.0);
        row.put("gap_filled_wh", 0.0);
        row.put("counter_resets", 0);
        row.put("counter_glitches", 0);
        return row;
    }

    private static Map<String, Object> quality(
            Map<String, Object> row,
            long samples,
            double coverage,
            double gapFilledWh,
            int counterResets,
            int counterGlitches) {
        row.put("samples", samples);
        row.put("coverage", coverage);
        row.put("gap_filled_wh", gapFilledWh);
        row.put("counter_resets", counterResets);
        row.put("counter_glitches", counterGlitches);
        return row;
    }

    private static Map<String, Object> alarm(
            String idColumn,
            String id,
            Map<String, Object> client,
            String model,
            Instant hour,
            Double powerLow,
            String text) {
        Map<String, Object> row = device(idColumn, id, client, model, hour);
        row.put("power_low", powerLow);
        row.put("text_alarm", text);
        return row;
    }

    private static Map<String, Object> light(
            String sensor,
            Map<String, Object> client,
            Instant hour,
            double luxAvg,
            double luxMax,
            double irradiance,
            Double estimatedPower,
            Double tilt,
            Double azimuth) {
        Map<String, Object> row = device("light_id", sensor, client, "LX-1", hour);
        row.put("lux_avg", luxAvg);
        row.put("lux_max", luxMax);
        row.put("irradiance_wm2", irradiance);
        row.put("estimated_power_w", estimatedPower);
        row.put("optimal_tilt", tilt);
        row.put("optimal_azimuth", azimuth);
        row.put("samples", 60);
        return row;
    }

    private static Map<String, Object> stats(
            String topic,
            Instant bucket,
            long messages,
            long bytes,
            long invalid,
            Double latencyAvg,
            Double latencyP95,
            Double latencyMax,
            Long lag) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic", topic);
        row.put("timestamp", bucket.toString());
        row.put("messages", messages);
        row.put("bytes", bytes);
        row.put("invalid", invalid);
        row.put("latency_avg_ms", latencyAvg);
        row.put("latency_p95_ms", latencyP95);
        row.put("latency_max_ms", latencyMax);
        row.put("lag", lag);
        return row;
    }

    private static Map<String, Object> second(
            String wind,
            Map<String, Object> client,
            Instant second,
            double avg,
            double max,
            Double gust,
            long samples) {
        Map<String, Object> row = device("wind_id", wind, client, "AN-1", second);
        row.put("wind_speed_avg", avg);
        row.put("wind_speed_max", max);
        row.put("gust_max", gust);
        row.put("wind_direction", 90.0);
        row.put("samples", samples);
        row.put("enrichment_status", "ok");
        return row;
    }

    private static Map<String, Object> windAlarm(
            String wind,
            Map<String, Object> client,
            Instant at,
            String level,
            Double speed,
            Instant episodeStart,
            Instant episodeEnd) {
        Map<String, Object> row = device("wind_id", wind, client, "AN-1", at);
        row.put("wind_speed", speed);
        row.put("text_alarm", wind + " " + level + (speed == null ? "" : " at " + speed + " m/s"));
        row.put("level", level);
        row.put("episode_start", episodeStart.toString());
        row.put("episode_end", episodeEnd == null ? null : episodeEnd.toString());
        row.put("enrichment_status", "ok");
        return row;
    }
}
