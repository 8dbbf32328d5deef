package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import io.controlautogeneracion.pipelines.batch.HourRange;
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
 * Reads the {@link PanelHistory} a run needs from {@code panel_report} through the broker: the
 * generation of the reference slots (and alarm days) that lie before the run, in chunks of
 * timestamps, and each panel's latest report of the past year with its running totals.
 */
public final class DruidPanelHistory {
    static final String DATASOURCE = "panel_report";
    // Below Druid's inFunctionThreshold (100), which turns longer IN lists into SCALAR_IN_ARRAY,
    // which does not accept timestamps.
    private static final int SLOTS_PER_QUERY = 90;
    // Any zone's local year starts within 14 hours of the UTC one: a year and two days back holds
    // the start of every panel's current year.
    private static final Duration LAST_LOOKBACK = Duration.ofDays(367);

    private DruidPanelHistory() {}

    public static PanelHistory fetch(
            DruidGateway druid, List<PanelHour> hours, HourRange range, int alarmDays) {
        if (hours.isEmpty() || !DruidSql.exists(druid, DATASOURCE)) {
            return PanelHistory.NONE;
        }
        Set<String> panels = new HashSet<>();
        Set<Instant> slots = new TreeSet<>();
        for (PanelHour h : hours) {
            panels.add(h.panelId());
            slots.addAll(PanelReports.referencesBefore(h, range));
            for (Instant day : PanelAlarms.previousDays(h.slot(), h.facts().zone(), alarmDays)) {
                if (day.isBefore(range.from())) {
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
                            "SELECT panel_id, __time, power_gen FROM "
                                    + DATASOURCE
                                    + " WHERE __time IN ("
                                    + DruidSql.timestampList(chunk)
                                    + ")")) {
                String panel = String.valueOf(row.get("panel_id"));
                if (panels.contains(panel)) {
                    history.putGeneration(
                            panel, DruidSql.time(row, "__time"), DruidSql.number(row, "power_gen"));
                }
            }
        }
        StringBuilder latest = new StringBuilder("SELECT panel_id, MAX(__time) AS t");
        for (Period p : Period.values()) {
            latest.append(", LATEST(").append(p.column()).append(") AS ").append(p.column());
        }
        latest.append(" FROM ")
                .append(DATASOURCE)
                .append(" WHERE __time >= ? AND __time < ? GROUP BY panel_id");
        for (Map<String, Object> row :
                druid.sql(latest.toString(), range.from().minus(LAST_LOOKBACK), range.from())) {
            String panel = String.valueOf(row.get("panel_id"));
            if (!panels.contains(panel)) {
                continue;
            }
            Map<Period, Double> acum = new EnumMap<>(Period.class);
            for (Period p : Period.values()) {
                Double v = DruidSql.number(row, p.column());
                acum.put(p, v == null ? 0.0 : v);
            }
            history.putLast(panel, new PanelHistory.Last(DruidSql.time(row, "t"), acum));
        }
        return history;
    }
}
