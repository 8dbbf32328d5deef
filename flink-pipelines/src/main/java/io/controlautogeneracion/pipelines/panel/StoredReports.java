package io.controlautogeneracion.pipelines.panel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code panel_report} rows Druid holds now, as a run that rewrites them needs them. */
final class StoredReports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATASOURCE = DruidPanelHistory.DATASOURCE;

    private StoredReports() {}

    /** {@code power_gen} per key and slot in {@code [from, to)}: {@code key@slot}. */
    static Map<String, Double> powerGen(DruidGateway druid, Instant from, Instant to) {
        Map<String, Double> out = new HashMap<>();
        if (!DruidSql.exists(druid, DATASOURCE)) {
            return out;
        }
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT panel_id, client_id, __time, power_gen FROM "
                                + DATASOURCE
                                + " WHERE __time >= ? AND __time < ?",
                        from,
                        to)) {
            out.put(
                    DruidPanelHistory.key(row) + "@" + DruidSql.time(row, "__time"),
                    DruidSql.number(row, "power_gen"));
        }
        return out;
    }

    /** The latest slot with a report, or null when there is none. */
    static Instant latest(DruidGateway druid) {
        if (!DruidSql.exists(druid, DATASOURCE)) {
            return null;
        }
        List<Map<String, Object>> rows = druid.sql("SELECT MAX(__time) AS t FROM " + DATASOURCE);
        return rows.isEmpty() || rows.get(0).get("t") == null
                ? null
                : DruidSql.time(rows.get(0), "t");
    }

    /**
     * The UTC days of {@code [from, to)} that hold rows (one cheap aggregate), so readers skip the
     * empty ones.
     */
    static java.util.Set<Instant> days(DruidGateway druid, Instant from, Instant to) {
        java.util.Set<Instant> days = new java.util.TreeSet<>();
        if (!DruidSql.exists(druid, DATASOURCE)) {
            return days;
        }
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT TIME_FLOOR(__time, 'P1D') AS d, COUNT(*) AS n FROM "
                                + DATASOURCE
                                + " WHERE __time >= ? AND __time < ? GROUP BY 1",
                        from,
                        to)) {
            days.add(DruidSql.time(row, "d"));
        }
        return days;
    }

    /** Every stored row of {@code [from, to)}, all columns. */
    static List<PanelReportRow> rows(DruidGateway druid, Instant from, Instant to) {
        List<PanelReportRow> out = new ArrayList<>();
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT * FROM " + DATASOURCE + " WHERE __time >= ? AND __time < ?",
                        from,
                        to)) {
            Map<String, Object> fields = new LinkedHashMap<>(row);
            fields.put("timestamp", fields.remove("__time"));
            out.add(JSON.convertValue(fields, PanelReportRow.class));
        }
        return out;
    }
}
