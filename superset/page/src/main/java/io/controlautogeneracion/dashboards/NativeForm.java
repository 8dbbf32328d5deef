package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named query's plan written as Druid's native query ({@code druid/queries/native/<name>.json}),
 * for the parameter values it names in {@code when}. Druid SQL plans every query again on the
 * broker (Calcite): 11–17 ms of a client's hourly year, which the native form skips
 * (druid/bench/README.md). It is the plan Druid makes of the SQL, with {@code {{parameter}}} where
 * the SQL has a parameter; {@code DashboardsStackTest} checks that it stays so and that both give
 * the same rows.
 *
 * @param name the named query's name
 * @param when the parameter values (by name) for which this form is the SQL's plan
 * @param columns the SQL's output columns, in the native answer's order
 * @param timestamps the columns that are SQL {@code TIMESTAMP}s (epoch milliseconds natively)
 * @param order the native ordering that is the SQL's {@code ORDER BY}, for a row limit
 * @param query the native query with its placeholders
 */
public record NativeForm(
        String name,
        Map<String, String> when,
        List<String> columns,
        Set<String> timestamps,
        ArrayNode order,
        ObjectNode query) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** Druid SQL's text of a {@code TIMESTAMP} in an answer. */
    static final DateTimeFormatter DRUID_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The native form in {@code file}, named after the file. */
    public static NativeForm load(Path file) {
        String fileName = file.getFileName().toString();
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the native form " + file, e);
        }
        if (!(doc.get("query") instanceof ObjectNode query)
                || !doc.path("columns").isArray()
                || !doc.path("order").isArray()) {
            throw new IllegalArgumentException(
                    file + " needs a 'query' object, 'columns' and an 'order' array");
        }
        Map<String, String> when = new LinkedHashMap<>();
        doc.path("when")
                .fields()
                .forEachRemaining(e -> when.put(e.getKey(), e.getValue().asText()));
        List<String> columns = new ArrayList<>();
        doc.path("columns").forEach(c -> columns.add(c.asText()));
        List<String> timestamps = new ArrayList<>();
        doc.path("timestamps").forEach(c -> timestamps.add(c.asText()));
        return new NativeForm(
                fileName.substring(0, fileName.length() - ".json".length()),
                Map.copyOf(when),
                List.copyOf(columns),
                Set.copyOf(timestamps),
                (ArrayNode) doc.get("order"),
                query);
    }

    /**
     * Whether this form is the SQL's plan for these values (in the order of {@code sql}'s
     * parameters): the values {@code when} names are the ones given, and every time is a whole
     * millisecond (a native interval holds no finer time).
     */
    public boolean appliesTo(NamedQuery sql, List<Object> values) {
        Map<String, Object> byName = byName(sql, values);
        for (Map.Entry<String, String> condition : when.entrySet()) {
            if (!condition.getValue().equals(byName.get(condition.getKey()))) {
                return false;
            }
        }
        return byName.values().stream()
                .noneMatch(v -> v instanceof Instant t && t.getNano() % 1_000_000 != 0);
    }

    /**
     * The native query for these values, as JSON: each {@code {{parameter}}} in a text replaced by
     * its value (a time as Druid writes one), a text that is only a placeholder replaced by the
     * value itself; at most {@code limit} rows in the SQL's order when {@code limit > 0}; {@code
     * context} as the query's context, with rows asked as arrays.
     */
    public String bind(
            NamedQuery sql, List<Object> values, int limit, Map<String, Object> context) {
        Map<String, Object> byName = byName(sql, values);
        ObjectNode bound = (ObjectNode) replace(query, byName);
        if (limit > 0) {
            ObjectNode limitSpec = bound.putObject("limitSpec");
            limitSpec.put("type", "default").put("limit", limit);
            limitSpec.set("columns", order.deepCopy());
        }
        ObjectNode ctx = JSON.valueToTree(context);
        ctx.put("resultAsArray", true);
        bound.set("context", ctx);
        return bound.toString();
    }

    /** The parameters this form names: in {@code when} and in its placeholders. */
    public Set<String> parameters() {
        Set<String> names = new TreeSet<>(when.keySet());
        Matcher m = PLACEHOLDER.matcher(query.toString());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A native answer's rows as the SQL's: column → value, times as Druid SQL writes them. */
    public List<Map<String, Object>> rows(List<List<Object>> answer) {
        boolean[] time = new boolean[columns.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = timestamps.contains(columns.get(i));
        }
        SqlTimes times = new SqlTimes();
        List<Map<String, Object>> rows = new ArrayList<>(answer.size());
        for (List<Object> values : answer) {
            if (values.size() != columns.size()) {
                throw new DashboardsException(
                        502,
                        "Druid answered "
                                + name
                                + " with "
                                + values.size()
                                + " columns, not "
                                + columns.size());
            }
            Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                if (time[i] && value instanceof Number millis) {
                    value = times.format(millis.longValue());
                }
                row.put(columns.get(i), value);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Epoch milliseconds as Druid SQL writes a {@code TIMESTAMP} ({@link #DRUID_TIME}), the date
     * part kept from the time before: an answer's times run through the hours of a few days, and
     * the formatter's own work was half of turning a client's hourly year into rows (5–10 ms).
     */
    static final class SqlTimes {
        private static final long DAY = 86_400_000L;
        private long day = Long.MIN_VALUE;
        private String date;
        private final StringBuilder text = new StringBuilder(24);

        String format(long millis) {
            long epochDay = Math.floorDiv(millis, DAY);
            if (epochDay != day) {
                LocalDate local = LocalDate.ofEpochDay(epochDay);
                if (local.getYear() < 1000 || local.getYear() > 9999) {
                    return DRUID_TIME.format(Instant.ofEpochMilli(millis));
                }
                day = epochDay;
                date = local + "T";
            }
            int ms = (int) Math.floorMod(millis, DAY);
            text.setLength(0);
            text.append(date);
            digits(ms / 3_600_000, 2).append(':');
            digits(ms / 60_000 % 60, 2).append(':');
            digits(ms / 1000 % 60, 2).append('.');
            return digits(ms % 1000, 3).append('Z').toString();
        }

        private StringBuilder digits(int value, int width) {
            for (int scale = width == 3 ? 100 : 10; scale > 0; scale /= 10) {
                text.append((char) ('0' + value / scale % 10));
            }
            return text;
        }
    }

    private static Map<String, Object> byName(NamedQuery sql, List<Object> values) {
        Map<String, Object> byName = new HashMap<>();
        for (NamedQuery.Param p : sql.params()) {
            byName.put(p.name(), values.get(p.index() - 1));
        }
        return byName;
    }

    private static JsonNode replace(JsonNode node, Map<String, Object> values) {
        if (node.isTextual()) {
            return text(node.asText(), values);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.fields()
                    .forEachRemaining(e -> copy.set(e.getKey(), replace(e.getValue(), values)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(e -> copy.add(replace(e, values)));
            return copy;
        }
        return node;
    }

    private static JsonNode text(String template, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        if (m.matches()) {
            return JSON.valueToTree(valueOf(m.group(1), values));
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(String.valueOf(valueOf(m.group(1), values))));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static Object valueOf(String parameter, Map<String, Object> values) {
        if (!values.containsKey(parameter)) {
            throw new IllegalStateException(
                    "a native form names '" + parameter + "', which its query does not have");
        }
        Object value = values.get(parameter);
        return value instanceof Instant t ? DRUID_TIME.format(t) : value;
    }
}
