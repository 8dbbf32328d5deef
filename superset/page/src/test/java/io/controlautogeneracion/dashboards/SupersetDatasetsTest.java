package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.dashboards.SupersetBundle.Asset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the datasets and charts of {@code superset/} name exists: physical datasets have exactly
 * their Druid spec's columns, virtual datasets are named queries, and charts and dashboard filters
 * use only columns and metrics of their dataset. (That the SQL runs is {@link
 * DashboardsStackTest}'s part.) No engine is needed.
 */
class SupersetDatasetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupersetBundle bundle = SupersetBundle.load();

    @Test
    void physicalDatasetsHaveExactlyTheColumnsOfTheirDruidSpec() {
        for (Asset dataset : bundle.datasets()) {
            if (dataset.yaml().path("sql").isTextual()) {
                continue;
            }
            String table = dataset.text("table_name");
            assertThat(dataset.columns())
                    .as(dataset + " against the spec of " + table)
                    .containsExactlyElementsOf(DruidSpecs.columns(table));
        }
    }

    @Test
    void virtualDatasetsAreNamedQueriesWithoutParameters() {
        Map<String, NamedQuery> byBody = new HashMap<>();
        for (NamedQuery query : NamedQueries.all()) {
            byBody.put(NamedQuery.normalized(query.body()), query);
        }
        int virtual = 0;
        for (Asset dataset : bundle.datasets()) {
            if (!dataset.yaml().path("sql").isTextual()) {
                continue;
            }
            virtual++;
            NamedQuery query =
                    byBody.get(NamedQuery.normalized(dataset.yaml().path("sql").asText()));
            assertThat(query).as(dataset + " sql is a named query of druid/queries").isNotNull();
            assertThat(query.params()).as(dataset + " named query parameters").isEmpty();
            assertThat(dataset.text("table_name")).isEqualTo(query.name());
        }
        assertThat(virtual).isPositive();
    }

    @Test
    void datasetsNameTheirTimeColumnAndUniqueColumnsAndMetrics() {
        for (Asset dataset : bundle.datasets()) {
            List<String> columns = dataset.columns();
            assertThat(columns).as(dataset + " columns").doesNotHaveDuplicates();
            assertThat(dataset.metrics()).as(dataset + " metrics").doesNotHaveDuplicates();
            String main = dataset.text("main_dttm_col");
            assertThat(columns).as(dataset + " main_dttm_col").contains(main);
            for (JsonNode column : dataset.yaml().path("columns")) {
                boolean timestamp = column.path("type").asText().equals("TIMESTAMP");
                assertThat(column.path("is_dttm").asBoolean())
                        .as(dataset + " is_dttm of " + column.path("column_name").asText())
                        .isEqualTo(timestamp);
            }
        }
    }

    @Test
    void chartsNameOnlyColumnsAndMetricsOfTheirDataset() throws Exception {
        for (Asset chart : bundle.charts()) {
            Asset dataset = bundle.datasetByUuid(chart.text("dataset_uuid"));
            List<String> columns = dataset.columns();
            List<String> metrics = dataset.metrics();
            JsonNode params = chart.yaml().path("params");
            for (String field : List.of("metrics", "percent_metrics")) {
                for (JsonNode m : params.path(field)) {
                    assertThat(metrics).as(chart + " " + field).contains(m.asText());
                }
            }
            for (String field : List.of("metric", "timeseries_limit_metric")) {
                if (params.hasNonNull(field)) {
                    assertThat(metrics)
                            .as(chart + " " + field)
                            .contains(params.path(field).asText());
                }
            }
            for (String field : List.of("groupby", "all_columns")) {
                for (JsonNode c : params.path(field)) {
                    assertThat(columns).as(chart + " " + field).contains(c.asText());
                }
            }
            for (String field : List.of("x_axis", "granularity_sqla")) {
                if (params.hasNonNull(field)) {
                    assertThat(columns)
                            .as(chart + " " + field)
                            .contains(params.path(field).asText());
                }
            }
            for (JsonNode filter : params.path("adhoc_filters")) {
                assertThat(columns).as(chart + " filter").contains(filter.path("subject").asText());
            }
            for (JsonNode order : params.path("order_by_cols")) {
                JsonNode pair = JSON.readTree(order.asText());
                assertThat(columns).as(chart + " order_by_cols").contains(pair.get(0).asText());
            }
            if (params.path("query_mode").asText().equals("raw")) {
                assertThat(params.path("all_columns")).as(chart + " raw columns").isNotEmpty();
            } else if (!params.hasNonNull("metric")) {
                assertThat(params.path("metrics")).as(chart + " metrics").isNotEmpty();
            }
        }
    }

    @Test
    void nativeFiltersLeaveOutTheChartsWithoutTheirColumn() {
        for (Asset dashboard : bundle.dashboards()) {
            Map<Integer, Asset> chartsById = new HashMap<>();
            for (JsonNode node : SupersetBundle.positionNodes(dashboard)) {
                if (node.path("type").asText().equals("CHART")) {
                    String uuid = node.path("meta").path("uuid").asText();
                    bundle.charts().stream()
                            .filter(c -> uuid.equals(c.text("uuid")))
                            .forEach(
                                    c ->
                                            chartsById.put(
                                                    node.path("meta").path("chartId").asInt(), c));
                }
            }
            for (JsonNode filter :
                    dashboard.yaml().path("metadata").path("native_filter_configuration")) {
                String column = filter.path("targets").path(0).path("column").path("name").asText();
                Set<Integer> excluded = new HashSet<>();
                filter.path("scope").path("excluded").forEach(id -> excluded.add(id.asInt()));
                assertThat(chartsById.keySet())
                        .as(dashboard + " filter scope names its own charts")
                        .containsAll(excluded);
                chartsById.forEach(
                        (id, chart) ->
                                assertThat(excluded.contains(id))
                                        .as(dashboard + " filter on " + column + " and " + chart)
                                        .isEqualTo(
                                                !bundle.datasetByUuid(chart.text("dataset_uuid"))
                                                        .columns()
                                                        .contains(column)));
            }
        }
    }
}
