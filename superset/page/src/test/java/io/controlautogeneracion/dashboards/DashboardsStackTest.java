package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.stack.parts.DashboardsPage;
import io.controlautogeneracion.testing.ProjectFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every named query of {@code druid/queries/} and every Superset dataset against the local stack's
 * real Druid, loaded with a crafted fleet ({@link Fleet}) through the datasources' own specs: each
 * query with its documented parameters gives the answer worked out by hand, and each dataset's SQL,
 * columns and metric expressions run; the stack's dashboards page answers a named query with the
 * same rows and lists the three dashboards.
 */
@WithLocalStack({Engine.DRUID, Engine.DASHBOARDS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsStackTest {
    private final Fleet fleet = new Fleet(Instant.now());
    private final QueryCatalog catalog = QueryCatalog.load(ProjectFiles.path("druid/queries"));
    private DruidClient druid;
    private RunningStack stack;

    @BeforeAll
    void loadEveryDatasource(RunningStack stack) {
        this.stack = stack;
        druid = stack.druid();
        FleetLoads.load(druid, fleet);
    }

    @Test
    void theStacksDashboardsPageRunsANamedQueryAndListsTheThreeDashboards() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        stack.dashboardsUrl()
                                                                + "/api/queries/panel_generation_by_postal_code"
                                                                + "?range_from=2026-06-01T00:00:00Z"
                                                                + "&range_to=2026-07-01T00:00:00Z"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = new ObjectMapper().readTree(response.body()).path("rows");
        assertThat(rows.get(0).path("postal_code").asText()).isEqualTo("28001");
        assertThat(rows.get(0).path("power_gen").asDouble()).isEqualTo(2100.0);
        assertThat(DashboardsPage.dashboards(stack.context()))
                .hasSize(3)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .contains("Panel generation history")
                                        .endsWith(
                                                stack.dashboardsUrl() + "/#dashboard=generation"));
    }

    @TestFactory
    Stream<DynamicTest> everyNamedQueryGivesTheExpectedAnswer() {
        Map<String, QueryChecks.QueryCheck> checks = QueryChecks.of(fleet);
        return NamedQueries.all().stream()
                .map(
                        query ->
                                dynamicTest(
                                        query.name(),
                                        () -> {
                                            QueryChecks.QueryCheck check = checks.get(query.name());
                                            assertThat(check)
                                                    .as("a check of " + query.name())
                                                    .isNotNull();
                                            check.verify(new Runner(query));
                                        }));
    }

    /**
     * Each native form of {@code druid/queries/native/} is Druid's own plan of its SQL for the
     * values it stands in for, its columns in the SQL's order; cut at a limit, it gives the rows
     * the SQL gives at that outer limit.
     */
    @Test
    void everyNativeFormIsTheSqlsOwnPlan() throws Exception {
        Map<String, List<Object>> forms =
                Map.of(
                        "panel_generation_hourly",
                        List.of(
                                "client_id",
                                "client_id",
                                "C-1",
                                Instant.parse("2026-06-01T00:00:00Z"),
                                Instant.parse("2026-06-03T00:00:00.250Z")));
        assertThat(
                        NamedQueries.all().stream()
                                .filter(q -> catalog.nativeForm(q.name()).isPresent())
                                .map(NamedQuery::name))
                .containsExactlyInAnyOrderElementsOf(forms.keySet());
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, List<Object>> e : forms.entrySet()) {
            NamedQuery query = catalog.get(e.getKey());
            NativeForm form = catalog.nativeForm(e.getKey()).orElseThrow();
            List<Object> values = e.getValue();
            assertThat(form.appliesTo(query, values)).isTrue();

            JsonNode plan =
                    json.readTree(
                                    (String)
                                            druid.sql(
                                                            "EXPLAIN PLAN FOR " + query.body(),
                                                            values.toArray())
                                                    .get(0)
                                                    .get("PLAN"))
                            .get(0);
            ObjectNode planned = (ObjectNode) plan.get("query");
            ObjectNode bound = (ObjectNode) json.readTree(form.bind(query, values, 0, Map.of()));
            planned.remove("context");
            bound.remove("context");
            assertThat(bound).as(query.name()).isEqualTo(planned);
            List<String> outputs = new ArrayList<>();
            List<String> mapped = new ArrayList<>();
            plan.get("columnMappings")
                    .forEach(
                            m -> {
                                mapped.add(m.get("queryColumn").asText());
                                outputs.add(m.get("outputColumn").asText());
                            });
            List<String> signature = new ArrayList<>();
            plan.get("signature").forEach(c -> signature.add(c.get("name").asText()));
            assertThat(form.columns()).isEqualTo(outputs);
            assertThat(mapped).as("native answer order").isEqualTo(signature);

            List<Map<String, Object>> all = catalog.run(druid, query, values, 0, Map.of());
            List<Map<String, Object>> cut = catalog.run(druid, query, values, 2, Map.of());
            assertThat(all).hasSizeGreaterThan(2);
            assertThat(cut)
                    .isEqualTo(all.subList(0, 2))
                    .isEqualTo(
                            druid.sql(Map.of("sqlOuterLimit", 2), query.body(), values.toArray()));
        }
    }

    @Test
    void everyCheckHasItsNamedQuery() {
        assertThat(NamedQueries.all().stream().map(NamedQuery::name))
                .containsAll(QueryChecks.of(fleet).keySet());
    }

    @TestFactory
    Stream<DynamicTest> everySupersetDatasetRunsOnDruid() {
        return SupersetBundle.load().datasets().stream()
                .map(
                        dataset ->
                                dynamicTest(
                                        dataset.file(),
                                        () -> new DatasetCheck(druid).verify(dataset)));
    }

    @TestFactory
    Stream<DynamicTest> everyChartQueryHasAnswersOnDruid() {
        SupersetBundle bundle = SupersetBundle.load();
        return bundle.charts().stream()
                .map(
                        chart ->
                                dynamicTest(
                                        chart.file(),
                                        () -> {
                                            String sql =
                                                    ChartQuery.sql(
                                                            chart,
                                                            bundle.datasetByUuid(
                                                                    chart.text("dataset_uuid")));
                                            assertThat(druid.sql(sql)).as(sql).isNotEmpty();
                                        }));
    }

    /** Runs one named query with parameters that must match its documented ones. */
    private final class Runner implements QueryChecks.QueryRunner {
        private final NamedQuery query;

        Runner(NamedQuery query) {
            this.query = query;
        }

        @Override
        public List<Map<String, Object>> run(Object... params) {
            assertThat(params).as("parameters of " + query.name()).hasSize(query.params().size());
            for (int i = 0; i < params.length; i++) {
                NamedQuery.Param p = query.params().get(i);
                assertThat(p.accepts(params[i]))
                        .as(query.name() + " parameter " + p.index() + " is a " + p.type())
                        .isTrue();
            }
            List<Map<String, Object>> sql = druid.sql(query.body(), params);
            // What the dashboards page runs: the native form where the query has one for these
            // values. It must give the SQL's rows.
            List<Map<String, Object>> page =
                    catalog.run(druid, query, Arrays.asList(params), 0, Map.of());
            assertThat(AnswerCheck.same(sql, page))
                    .as(query.name() + " as the page runs it: " + page + ", SQL: " + sql)
                    .isTrue();
            return page;
        }
    }
}
