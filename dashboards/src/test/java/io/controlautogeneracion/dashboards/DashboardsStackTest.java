package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import java.time.Duration;
import java.time.Instant;
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
 * columns and metric expressions run.
 */
@WithLocalStack(Engine.DRUID)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsStackTest {
    private static final Duration DRUID_WAIT = Duration.ofMinutes(4);

    private final Fleet fleet = new Fleet(Instant.now());
    private DruidClient druid;

    @BeforeAll
    void loadEveryDatasource(RunningStack stack) {
        druid = stack.druid();
        List<DruidLoads.Load> loads =
                List.of(
                        DruidLoads.fromTaskTemplate(
                                "panel_report", Fleet.BATCH_INTERVAL, fleet.panelReport()),
                        DruidLoads.fromTaskTemplate(
                                "panel_alarm", Fleet.BATCH_INTERVAL, fleet.panelAlarm()),
                        DruidLoads.fromTaskTemplate(
                                "light_report", Fleet.BATCH_INTERVAL, fleet.lightReport()),
                        DruidLoads.fromTaskTemplate(
                                "sensor_alarm", Fleet.BATCH_INTERVAL, fleet.sensorAlarm()),
                        DruidLoads.fromSupervisor(
                                "topic_stats", Fleet.BATCH_INTERVAL, fleet.topicStats()),
                        DruidLoads.fromSupervisor(
                                "wind_reading", fleet.windInterval(), fleet.windReading()),
                        DruidLoads.fromSupervisor(
                                "wind_alarm", fleet.windInterval(), fleet.windAlarm()));
        List<String> taskIds = loads.stream().map(l -> druid.submitTask(l.task())).toList();
        for (String id : taskIds) {
            druid.awaitTaskSuccess(id, DRUID_WAIT);
        }
        for (DruidLoads.Load load : loads) {
            druid.awaitSql(
                    "SELECT COUNT(*) AS n FROM " + load.datasource(),
                    rows -> count(rows) == load.rows(),
                    DRUID_WAIT);
            // The broker learns a datasource's columns from its segments a little after they load;
            // wait until it knows every column of the spec, so no query meets a half-known table.
            druid.awaitSql(
                    "SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'druid' AND TABLE_NAME = ?",
                    rows -> count(rows) == load.columns().size(),
                    DRUID_WAIT,
                    load.datasource());
        }
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
            return druid.sql(query.body(), params);
        }
    }

    static long count(List<Map<String, Object>> rows) {
        return rows.isEmpty() ? -1 : ((Number) rows.get(0).get("n")).longValue();
    }
}
