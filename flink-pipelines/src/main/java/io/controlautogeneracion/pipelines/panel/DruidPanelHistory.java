package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@link PanelHistory} a stretch of rows needs from {@code panel_report} through the
 * broker: the generation of the reference slots (and alarm days) that lie before the stretch, in
 * chunks of timestamps, and each panel and client's latest report of the past year with its running
 * totals.
 */
public final class DruidPanelHistory {
    static final String DATASOURCE = "panel_report";
    // Below Druid's inFunctionThreshold (100), which turns longer IN lists into SCALAR_IN_ARRAY,
    // which does not accept timestamps.
    private static final int SLOTS_PER_QUERY = 90;
    // Any zone's local year starts within 14 hours of the UTC one: a year and two days back holds
    // the start of every panel's current year.
    private static final Duration LAST_LOOKBACK = Duration.ofDays(367);
    // Where the latest reports are looked for first.
    private static final Duration RECENT = Duration.ofDays(1);

    private DruidPanelHistory() {}

    /**
     * @param rows the stretch's rows (any diffs and totals): their keys, slots and zones
     * @param from the first slot of the stretch
     */
    public static PanelHistory fetch(
            DruidGateway druid, List<PanelReportRow> rows, Instant from, int alarmDays) {
        if (rows.isEmpty() || !DruidSql.exists(druid, DATASOURCE)) {
            return PanelHistory.NONE;
        }
        Set<String> keys = new HashSet<>();
        Set<Instant> slots = new TreeSet<>();
        for (PanelReportRow r : rows) {
            keys.add(PanelReports.key(r.panelId(), r.enrichment().clientId()));
            slots.addAll(PanelReports.referencesBefore(r.timestamp(), r.zone(), from));
            for (Instant day : PanelAlarms.previousDays(r.timestamp(), r.zone(), alarmDays)) {
                if (day.isBefore(from)) {
                    slots.add(day);
                }
            }
        }
        InMemoryPanelHistory history = new InMemoryPanelHistory();
        List<Instant> all = new ArrayList<>(slots);
        for (int i = 0; i < all.size(); i += SLOTS_PER_QUERY) {
            List<Instant> chunk = all.subList(i, Math.min(all.size(), i + SLOTS_PER_QUERY));
            for (Map<String, Object> row :
                    druid.sql(
                            "SELECT panel_id, client_id, __time, power_gen FROM "
                                    + DATASOURCE
                                    + " WHERE __time IN ("
                                    + DruidSql.timestampList(chunk)
                                    + ")")) {
                String key = key(row);
                if (keys.contains(key)) {
                    history.putGeneration(
                            key, DruidSql.time(row, "__time"), DruidSql.number(row, "power_gen"));
                }
            }
        }
        // Each key's latest report: usually the hour before, so the last day is asked first (a
        // small scan), and the year only when some key has no report in that day.
        Set<String> missing = new HashSet<>(keys);
        putLatest(druid, history, missing, from.minus(RECENT), from);
        if (!missing.isEmpty()) {
            putLatest(druid, history, missing, from.minus(LAST_LOOKBACK), from.minus(RECENT));
        }
        return history;
    }

    /**
     * Puts the latest report in {@code [from, to)} of each key in {@code missing} and takes the
     * keys found out of it.
     */
    private static void putLatest(
            DruidGateway druid,
            InMemoryPanelHistory history,
            Set<String> missing,
            Instant from,
            Instant to) {
        StringBuilder latest = new StringBuilder("SELECT panel_id, client_id, MAX(__time) AS t");
        for (Period p : Period.values()) {
            latest.append(", LATEST(").append(p.column()).append(") AS ").append(p.column());
        }
        latest.append(" FROM ")
                .append(DATASOURCE)
                .append(" WHERE __time >= ? AND __time < ? GROUP BY panel_id, client_id");
        for (Map<String, Object> row : druid.sql(latest.toString(), from, to)) {
            String key = key(row);
            if (!missing.remove(key)) {
                continue;
            }
            Map<Period, Double> acum = new EnumMap<>(Period.class);
            for (Period p : Period.values()) {
                Double v = DruidSql.number(row, p.column());
                acum.put(p, v == null ? 0.0 : v);
            }
            history.putLast(key, new PanelHistory.Last(DruidSql.time(row, "t"), acum));
        }
    }

    /** The key of an SQL answer row with {@code panel_id} and {@code client_id}. */
    static String key(Map<String, Object> row) {
        Object client = row.get("client_id");
        return PanelReports.key(
                String.valueOf(row.get("panel_id")), client == null ? null : client.toString());
    }
}
