package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.dashboards.SupersetBundle.Asset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboards page and the Superset bundle stay in step, over the same named queries: every
 * chart and filter of the page calls a named query that exists, with exactly its documented
 * parameters, and draws columns the query returns; each page dashboard is one of the bundle's, with
 * its title, refresh and filters, and mirrors every chart placed on it. Renaming a query, a column
 * or a chart without the other side fails here.
 */
class DashboardsPageTest {
    private static final Set<String> PAGE_TOKENS =
            Set.of(
                    "$range_from",
                    "$range_to",
                    "$time_zone",
                    "$now",
                    "$window_hours",
                    "$window_from");

    private final PageSpec page = PageSpec.load();
    private final SupersetBundle bundle = SupersetBundle.load();
    private final Map<String, NamedQuery> queries =
            NamedQueries.all().stream()
                    .collect(Collectors.toMap(NamedQuery::name, Function.identity()));

    @Test
    void thePageHasTheBundlesThreeDashboards() {
        assertThat(page.dashboards())
                .hasSize(bundle.dashboards().size())
                .hasSizeGreaterThanOrEqualTo(3);
        Set<String> ids = new HashSet<>();
        for (JsonNode dashboard : page.dashboards()) {
            Asset twin = twin(dashboard);
            assertThat(dashboard.path("title").asText())
                    .as("title of " + dashboard.path("id"))
                    .isEqualTo(twin.text("dashboard_title"));
            assertThat(ids.add(dashboard.path("id").asText())).isTrue();
        }
    }

    @Test
    void everyChartCallsANamedQueryWithExactlyItsDocumentedParameters() {
        for (JsonNode dashboard : page.dashboards()) {
            Set<String> tokens = tokens(dashboard);
            List<JsonNode> calls = new ArrayList<>(PageSpec.charts(dashboard));
            calls.addAll(PageSpec.filterSources(dashboard));
            for (JsonNode call : calls) {
                String where = dashboard.path("id").asText() + " " + call;
                String name = call.path("query").asText();
                assertThat(queries.keySet()).as("named query of " + where).contains(name);
                Set<String> documented = new TreeSet<>();
                queries.get(name).params().forEach(p -> documented.add(p.name()));
                Set<String> given = new TreeSet<>();
                call.path("params").fieldNames().forEachRemaining(given::add);
                assertThat(given).as("parameters of " + where).isEqualTo(documented);
                call.path("params")
                        .forEach(
                                value -> {
                                    if (value.isTextual() && value.asText().startsWith("$")) {
                                        assertThat(tokens)
                                                .as("a filter gives " + value + " in " + where)
                                                .contains(value.asText());
                                    }
                                });
            }
        }
    }

    @Test
    void everyColumnAChartOrFilterDrawsIsOneItsQueryReturns() {
        for (JsonNode dashboard : page.dashboards()) {
            for (JsonNode chart : PageSpec.charts(dashboard)) {
                Set<String> columns = new LinkedHashSet<>();
                for (String field : List.of("x", "series", "value", "sortDesc")) {
                    if (chart.has(field)) {
                        columns.add(chart.path(field).asText());
                    }
                }
                columns.addAll(PageSpec.texts(chart.path("y")));
                columns.addAll(PageSpec.texts(chart.path("columns")));
                assertReturns(chart.path("query").asText(), columns, chart.path("id").asText());
            }
            for (JsonNode source : PageSpec.filterSources(dashboard)) {
                Set<String> columns = new LinkedHashSet<>(PageSpec.texts(source.path("label")));
                columns.add(source.path("value").asText());
                assertReturns(source.path("query").asText(), columns, "a filter");
            }
        }
    }

    @Test
    void everyChartMirrorsAChartOfItsSupersetDashboardAndEveryPlacedChartIsMirrored() {
        for (JsonNode dashboard : page.dashboards()) {
            Set<String> placed = placedCharts(twin(dashboard));
            Set<String> mirrored = new TreeSet<>();
            for (JsonNode chart : PageSpec.charts(dashboard)) {
                List<String> uuids = PageSpec.texts(chart.path("superset"));
                assertThat(uuids).as("Superset chart of " + chart.path("id")).isNotEmpty();
                assertThat(placed)
                        .as(chart.path("id") + " mirrors charts of its Superset dashboard")
                        .containsAll(uuids);
                mirrored.addAll(uuids);
            }
            assertThat(mirrored)
                    .as("charts of " + dashboard.path("title") + " on the page")
                    .isEqualTo(placed);
        }
    }

    @Test
    void everyPageDashboardRefreshesAsItsSupersetDashboardDoes() {
        for (JsonNode dashboard : page.dashboards()) {
            assertThat(dashboard.path("refreshSeconds").asInt())
                    .as("refresh of " + dashboard.path("id"))
                    .isEqualTo(
                            twin(dashboard)
                                    .yaml()
                                    .path("metadata")
                                    .path("refresh_frequency")
                                    .asInt());
        }
        assertThat(page.dashboards()).anyMatch(d -> d.path("refreshSeconds").asInt() > 0);
    }

    @Test
    void everyColumnASupersetFilterNarrowsIsAFilterOfThePage() {
        for (JsonNode dashboard : page.dashboards()) {
            Set<String> pageFilters = new TreeSet<>();
            for (JsonNode filter : PageSpec.filters(dashboard)) {
                pageFilters.add(filter.path("id").asText());
                filter.path("choices").fieldNames().forEachRemaining(pageFilters::add);
            }
            for (JsonNode nativeFilter :
                    twin(dashboard).yaml().path("metadata").path("native_filter_configuration")) {
                for (JsonNode target : nativeFilter.path("targets")) {
                    assertThat(pageFilters)
                            .as("filters of " + dashboard.path("id"))
                            .contains(target.path("column").path("name").asText());
                }
            }
            assertThat(pageFilters).as("a time filter").containsAnyOf("range", "window");
        }
    }

    private Asset twin(JsonNode dashboard) {
        String uuid = dashboard.path("superset").asText();
        return bundle.dashboards().stream()
                .filter(d -> uuid.equals(d.text("uuid")))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "page dashboard "
                                                + dashboard.path("id")
                                                + " points at no Superset dashboard: "
                                                + uuid));
    }

    private static Set<String> placedCharts(Asset dashboard) {
        Set<String> uuids = new TreeSet<>();
        for (JsonNode node : SupersetBundle.positionNodes(dashboard)) {
            if (node.path("type").asText().equals("CHART")) {
                uuids.add(node.path("meta").path("uuid").asText());
            }
        }
        return uuids;
    }

    private static Set<String> tokens(JsonNode dashboard) {
        Set<String> tokens = new HashSet<>(PAGE_TOKENS);
        for (JsonNode filter : PageSpec.filters(dashboard)) {
            tokens.add("$" + filter.path("id").asText());
        }
        return tokens;
    }

    private void assertReturns(String query, Set<String> columns, String who) {
        assertThat(queries.keySet()).as("named query of " + who).contains(query);
        assertThat(OutputColumns.of(queries.get(query)))
                .as(who + " draws columns that " + query + " returns")
                .containsAll(columns);
    }
}
