package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each light sensor's hourly mean lux before a run (from {@code light_report}) plus the run's own
 * hours: the rolling window of the optimal orientation and the previous days of the drop alarm.
 */
public final class LightHistory {
    static final String DATASOURCE = "light_report";

    private final Map<String, NavigableMap<Instant, Double>> luxAvg = new HashMap<>();

    public LightHistory put(String lightId, Instant slot, double lux) {
        luxAvg.computeIfAbsent(lightId, k -> new TreeMap<>()).put(slot, lux);
        return this;
    }

    /** Mean lux of a sensor's hour, or null when there is none. */
    public Double luxAvg(String lightId, Instant slot) {
        NavigableMap<Instant, Double> m = luxAvg.get(lightId);
        return m == null ? null : m.get(slot);
    }

    /** A sensor's hours in {@code [from, to)}. */
    public NavigableMap<Instant, Double> between(String lightId, Instant from, Instant to) {
        NavigableMap<Instant, Double> m = luxAvg.get(lightId);
        return m == null ? new TreeMap<>() : m.subMap(from, true, to, false);
    }

    /** The last {@code days} days before the run from Druid, for the sensors of {@code hours}. */
    public static LightHistory fetch(
            DruidGateway druid, List<LightHour> hours, HourRange range, int days) {
        LightHistory h = new LightHistory();
        if (hours.isEmpty() || !DruidSql.exists(druid, DATASOURCE)) {
            return h;
        }
        Set<String> sensors = new HashSet<>();
        hours.forEach(l -> sensors.add(l.lightId()));
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT light_id, __time, lux_avg FROM "
                                + DATASOURCE
                                + " WHERE __time >= ? AND __time < ?",
                        range.from().minus(Duration.ofDays(days)),
                        range.from())) {
            String id = String.valueOf(row.get("light_id"));
            Double lux = DruidSql.number(row, "lux_avg");
            if (sensors.contains(id) && lux != null) {
                h.put(id, DruidSql.time(row, "__time"), lux);
            }
        }
        return h;
    }
}
