package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.druid.DruidClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Superset dataset's SQL on Druid the way Superset would use it: its columns selected from
 * the table (or from the virtual dataset's query as a subquery), its time columns floored by a time
 * grain, and each metric expression aggregated; a physical dataset's column types must be the ones
 * Druid reports.
 */
final class DatasetCheck {
    private final DruidClient druid;

    DatasetCheck(DruidClient druid) {
        this.druid = druid;
    }

    void verify(SupersetBundle.Asset dataset) {
        JsonNode yaml = dataset.yaml();
        String table = yaml.path("table_name").asText();
        String sql = yaml.path("sql").isTextual() ? yaml.path("sql").asText() : null;
        String source = sql == null ? "druid.\"" + table + "\"" : "(" + sql + ") AS virtual_table";

        List<String> selected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonNode column : yaml.path("columns")) {
            String name = column.path("column_name").asText();
            String expression = column.path("expression").asText("");
            selected.add(
                    (expression.isBlank() ? quote(name) : "(" + expression + ")")
                            + " AS "
                            + quote(name));
            names.add(name);
            if (column.path("is_dttm").asBoolean()) {
                druid.sql(
                        "SELECT TIME_FLOOR(CAST("
                                + quote(name)
                                + " AS TIMESTAMP), 'PT1H') AS t FROM "
                                + source
                                + " LIMIT 1");
            }
        }
        List<Map<String, Object>> rows =
                druid.sql("SELECT " + String.join(", ", selected) + " FROM " + source + " LIMIT 5");
        assertThat(rows).as(dataset + " has rows").isNotEmpty();
        assertThat(rows.get(0).keySet()).as(dataset + " columns").containsExactlyElementsOf(names);

        if (sql == null) {
            Map<String, String> druidTypes = new HashMap<>();
            for (Map<String, Object> c :
                    druid.sql(
                            "SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                                    + " WHERE TABLE_SCHEMA = 'druid' AND TABLE_NAME = ?",
                            table)) {
                druidTypes.put((String) c.get("COLUMN_NAME"), (String) c.get("DATA_TYPE"));
            }
            assertThat(druidTypes.keySet())
                    .as(dataset + " lists every column of " + table)
                    .containsExactlyInAnyOrderElementsOf(names);
            for (JsonNode column : yaml.path("columns")) {
                String name = column.path("column_name").asText();
                assertThat(column.path("type").asText())
                        .as(dataset + " type of " + name)
                        .isEqualTo(druidTypes.get(name));
            }
        } else {
            List<Map<String, Object>> all = druid.sql("SELECT * FROM " + source + " LIMIT 1");
            assertThat(all.get(0).keySet())
                    .as(dataset + " lists every column of its query")
                    .containsExactlyInAnyOrderElementsOf(names);
        }

        for (JsonNode metric : yaml.path("metrics")) {
            String expression = metric.path("expression").asText();
            // Superset's Druid driver quotes every identifier, metric names included.
            String name = metric.path("metric_name").asText();
            List<Map<String, Object>> value =
                    druid.sql("SELECT " + expression + " AS " + quote(name) + " FROM " + source);
            assertThat(value).as(dataset + " metric " + name).hasSize(1);
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
