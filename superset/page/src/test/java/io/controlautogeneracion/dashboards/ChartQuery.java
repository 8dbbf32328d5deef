package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.dashboards.SupersetBundle.Asset;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Druid SQL a chart asks for, in the shape Superset gives it with the Druid driver (every
 * identifier quoted, saved metrics by their expression, time grains as {@code TIME_FLOOR}, a
 * virtual dataset as a subquery), without the chart's time range: what the chart would draw over
 * all the data.
 */
final class ChartQuery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartQuery() {}

    static String sql(Asset chart, Asset dataset) {
        JsonNode params = chart.yaml().path("params");
        Map<String, String> metricExpressions = new HashMap<>();
        dataset.yaml()
                .path("metrics")
                .forEach(
                        m ->
                                metricExpressions.put(
                                        m.path("metric_name").asText(),
                                        m.path("expression").asText()));
        String source =
                dataset.yaml().path("sql").isTextual()
                        ? "(" + dataset.yaml().path("sql").asText() + ") AS virtual_table"
                        : quote(dataset.text("schema")) + "." + quote(dataset.text("table_name"));

        List<String> metrics = new ArrayList<>();
        params.path("metrics").forEach(m -> metrics.add(m.asText()));
        if (params.hasNonNull("metric")) {
            metrics.add(params.path("metric").asText());
        }
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        String viz = params.path("viz_type").asText();
        if (viz.startsWith("echarts_timeseries")) {
            String floor =
                    "TIME_FLOOR(CAST("
                            + quote(params.path("x_axis").asText())
                            + " AS TIMESTAMP), '"
                            + params.path("time_grain_sqla").asText()
                            + "')";
            select.add(floor + " AS " + quote(params.path("x_axis").asText()));
            groupBy.add(floor);
        }
        if (params.path("query_mode").asText().equals("raw")) {
            params.path("all_columns").forEach(c -> select.add(quote(c.asText())));
        } else {
            params.path("groupby")
                    .forEach(
                            c -> {
                                select.add(quote(c.asText()));
                                groupBy.add(quote(c.asText()));
                            });
        }
        for (String metric : metrics) {
            select.add(expression(metricExpressions, metric) + " AS " + quote(metric));
        }

        StringBuilder sql =
                new StringBuilder("SELECT ")
                        .append(String.join(", ", select))
                        .append(" FROM ")
                        .append(source);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        List<String> orderBy = new ArrayList<>();
        if (params.hasNonNull("timeseries_limit_metric")) {
            orderBy.add(
                    expression(metricExpressions, params.path("timeseries_limit_metric").asText())
                            + (params.path("order_desc").asBoolean() ? " DESC" : " ASC"));
        }
        for (JsonNode order : params.path("order_by_cols")) {
            JsonNode pair = parse(order.asText());
            orderBy.add(quote(pair.get(0).asText()) + (pair.get(1).asBoolean() ? " ASC" : " DESC"));
        }
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        if (params.has("row_limit")) {
            sql.append(" LIMIT ").append(params.path("row_limit").asInt());
        }
        return sql.toString();
    }

    private static String expression(Map<String, String> metrics, String name) {
        String expression = metrics.get(name);
        if (expression == null) {
            throw new IllegalArgumentException("the dataset has no metric " + name);
        }
        return expression;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
