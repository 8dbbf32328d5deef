package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.time.IsoTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers for Druid SQL text and answers. */
public final class DruidSql {
    private DruidSql() {}

    /** Druid's {@code TIMESTAMP} parameter form, {@code 2026-06-01 10:00:00}. */
    public static String timestamp(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "");
    }

    /** A {@code TIMESTAMP '...'} literal list for an {@code IN (...)} clause. */
    public static String timestampList(Collection<Instant> slots) {
        return slots.stream()
                .map(t -> "TIMESTAMP '" + timestamp(t) + "'")
                .collect(Collectors.joining(", "));
    }

    /** True when the broker knows the datasource (a first run has nothing to read). */
    public static boolean exists(DruidGateway druid, String datasource) {
        return !druid.sql(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
                                + " 'druid' AND TABLE_NAME = ?",
                        datasource)
                .isEmpty();
    }

    /** {@code __time} of an SQL answer row, which Druid writes as an ISO string. */
    public static Instant time(Map<String, Object> row, String column) {
        return IsoTime.timestamp(row.get(column));
    }

    /** A nullable number of an SQL answer row. */
    public static Double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
