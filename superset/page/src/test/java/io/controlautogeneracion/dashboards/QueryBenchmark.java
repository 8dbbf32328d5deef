package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.Templates;
import io.controlautogeneracion.stack.druid.DruidCompaction;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire runs only {@code *Test} classes): the query benchmark over a year of {@code
 * panel_report} (issue #12). Loads a generated year ({@link YearOfReports}) with the datasources'
 * own task templates into the local stack's Druid, in the segments the batch leaves (day segments,
 * as a long carry writes them), times the dashboards' heaviest named queries through Druid SQL on
 * the broker, then compacts the year with {@code druid/compaction/panel_report.json} and times them
 * again, after checking that every answer is unchanged. Prints {@code BENCH} lines; asserts nothing
 * about time. Run by {@code druid/bench/queries.sh}.
 */
@WithLocalStack(Engine.DRUID)
class QueryBenchmark {
    private static final System.Logger LOG = System.getLogger(QueryBenchmark.class.getName());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QueryCatalog CATALOG =
            QueryCatalog.load(ProjectFiles.path("druid/queries"));
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(90);

    /** A query context that neither reads nor fills the result caches. */
    private static final Map<String, Object> NO_CACHE =
            Map.of("useCache", false, "populateCache", false);

    private static final Instant LOCAL_YEAR_FROM = Instant.parse("2024-12-31T23:00:00Z");
    private static final Instant LOCAL_YEAR_TO = Instant.parse("2025-12-31T23:00:00Z");

    /** One benchmarked query: a named query and how to draw its parameters. */
    record Case(String label, String query, Function<Random, Object[]> parameters, boolean sql) {
        Case(String label, String query, Function<Random, Object[]> parameters) {
            this(label, query, parameters, false);
        }

        /** The same case with its SQL run even where the query has a native form. */
        Case asSql() {
            return new Case(label + ", as SQL", query, parameters, true);
        }
    }

    @Test
    void measure(RunningStack stack) throws Exception {
        int panels = Integer.getInteger("bench.panels", 1000);
        int postalCodes = Integer.getInteger("bench.postal-codes", 300);
        int runs = Integer.getInteger("bench.runs", 50);
        int warmup = Integer.getInteger("bench.warmup", 5);
        String granularity = System.getProperty("bench.segment-granularity", "day");
        boolean compact = Boolean.parseBoolean(System.getProperty("bench.compact", "true"));
        DruidClient druid = stack.druid();
        YearOfReports year = new YearOfReports(panels, postalCodes, 2025);

        Path data = ProjectFiles.root().resolve("superset/page/target/bench-year-" + panels);
        year.writeOnce(data);
        long t0 = System.nanoTime();
        load(druid, "panel_alarm", data.resolve("panel_alarm"), "day");
        load(druid, "panel_report", data.resolve("panel_report"), granularity);
        report(
                "loaded %s in %s segments in %.1f s: %s",
                data, granularity, secs(t0), segments(druid));

        List<Case> cases = cases(year);
        explain(druid, cases, "as-loaded");
        Map<String, List<Map<String, Object>>> answers = answers(druid, cases);
        if (Boolean.parseBoolean(System.getProperty("bench.measure-loaded", "true"))) {
            // The layout as the batch leaves it answers in seconds: fewer runs.
            int loadedRuns = Integer.getInteger("bench.loaded-runs", 10);
            print(
                    "as loaded (" + granularity + " segments)",
                    measure(druid, cases, loadedRuns, Math.min(warmup, 2), NO_CACHE));
        }

        if (compact) {
            t0 = System.nanoTime();
            for (String datasource : List.of("panel_alarm", "panel_report")) {
                String task =
                        compactionTask(datasource, YearOfReports.FROM + "/" + YearOfReports.TO);
                druid.awaitTaskSuccess(druid.submitTask(task), LOAD_TIMEOUT);
                druid.awaitServed(datasource, LOAD_TIMEOUT);
            }
            report("compacted in %.1f s: %s", secs(t0), segments(druid));
            awaitSameAnswers(druid, cases, answers);
            explain(druid, cases, "compacted");
            print(
                    "compacted (druid/compaction/), without the result cache",
                    measure(druid, cases, runs, warmup, NO_CACHE));
            print(
                    "compacted (druid/compaction/), with the historical's cache",
                    measure(druid, cases, runs, warmup, Map.of()));
        }
        // What the local stack does at start: the coordinator accepts the auto-compaction config.
        report("auto-compaction config set: %s", DruidCompaction.submitAll(stack.context(), druid));
    }

    /**
     * The queries: a client's hours over a month and a year, a postal code's days, the
     * heaviest.
     */
    static List<Case> cases(YearOfReports year) {
        List<Case> cases = new ArrayList<>();
        cases.add(
                new Case(
                        "client hourly, a month",
                        "panel_generation_hourly",
                        r -> {
                            int month = r.nextInt(12);
                            Instant from =
                                    LocalDate.of(2025, 1 + month, 1)
                                            .atStartOfDay(ZoneId.of("UTC"))
                                            .toInstant();
                            Instant to =
                                    LocalDate.of(2025, 1 + month, 1)
                                            .plusMonths(1)
                                            .atStartOfDay(ZoneId.of("UTC"))
                                            .toInstant();
                            return new Object[] {
                                "client_id", "client_id", client(year, r), from, to
                            };
                        }));
        // The same through Druid SQL, which the page's native form stands in for: the difference
        // is the broker's planning.
        cases.add(cases.get(0).asSql());
        cases.add(
                new Case(
                        "client hourly, the year",
                        "panel_generation_hourly",
                        r ->
                                new Object[] {
                                    "client_id",
                                    "client_id",
                                    client(year, r),
                                    YearOfReports.FROM,
                                    YearOfReports.TO
                                }));
        cases.add(cases.get(2).asSql());
        cases.add(
                new Case(
                        "postal code daily, the year",
                        "panel_generation_daily",
                        r -> postalCodeYear(year, r)));
        cases.add(
                new Case(
                        "postal code monthly, the year",
                        "panel_generation_monthly",
                        r -> postalCodeYear(year, r)));
        cases.add(
                new Case(
                        "by client, year to date",
                        "panel_generation_by_client",
                        r -> yearToDate(r)));
        cases.add(
                new Case(
                        "by postal code, year to date",
                        "panel_generation_by_postal_code",
                        r -> yearToDate(r)));
        cases.add(
                new Case(
                        "by model, year to date", "panel_generation_by_model", r -> yearToDate(r)));
        cases.add(
                new Case(
                        "underproducing panels, year to date",
                        "underproducing_panels",
                        r -> {
                            Object[] range = yearToDate(r);
                            return new Object[] {
                                range[0], range[1], (long) (10 + 10 * r.nextInt(5))
                            };
                        }));
        double pageThreshold = dashboardsPageMinCoverage();
        cases.add(
                new Case(
                        "data quality, year to date",
                        "panel_data_quality",
                        r -> {
                            Object[] range = yearToDate(r);
                            return new Object[] {pageThreshold, range[0], range[1], pageThreshold};
                        }));
        // Another threshold each run (Superset's chart, a user's own): the threshold is part of
        // the per-segment cache key, so a new one scans the year.
        cases.add(
                new Case(
                        "data quality, any threshold",
                        "panel_data_quality",
                        r -> {
                            Object[] range = yearToDate(r);
                            double minCoverage = 0.5 + 0.05 * r.nextInt(9);
                            return new Object[] {minCoverage, range[0], range[1], minCoverage};
                        }));
        return cases;
    }

    /** The coverage threshold the dashboards page asks {@code panel_data_quality} with. */
    private static double dashboardsPageMinCoverage() {
        try (var page = QueryBenchmark.class.getResourceAsStream("/page/dashboards.json")) {
            for (var panel : JSON.readTree(page).findParents("query")) {
                if (panel.path("query").asText().equals("panel_data_quality")) {
                    return panel.path("params").path("min_coverage").asDouble();
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no panel_data_quality panel on the dashboards page");
    }

    /** From the start of the local year to a moment in its last month, as a dashboard asks. */
    private static Object[] yearToDate(Random r) {
        Instant to =
                Instant.parse("2025-12-01T00:00:00Z")
                        .plus(r.nextInt(30 * 24) + 1, ChronoUnit.HOURS);
        return new Object[] {LOCAL_YEAR_FROM, to};
    }

    private static String client(YearOfReports year, Random r) {
        return year.clients.get(r.nextInt(year.clients.size())).id();
    }

    /** A postal code's local year, as the daily and monthly queries take it. */
    private static Object[] postalCodeYear(YearOfReports year, Random r) {
        return new Object[] {
            "Europe/Madrid", "postal_code", postalCode(year, r), LOCAL_YEAR_FROM, LOCAL_YEAR_TO
        };
    }

    private static String postalCode(YearOfReports year, Random r) {
        // Only postal codes with clients.
        return year.clients.get(r.nextInt(year.clients.size())).postalCode();
    }

    /** Each case's answer to its first parameters, to compare layouts and rewrites with. */
    private static Map<String, List<Map<String, Object>>> answers(
            DruidClient druid, List<Case> cases) {
        Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
        for (Case c : cases) {
            answers.put(c.label(), druid.sql(sql(c.query()), c.parameters().apply(new Random(1))));
        }
        return answers;
    }

    /**
     * Each case's answer as the dashboards page runs it (a native form where the query has one) on
     * the compacted year, awaited until it is the SQL's answer on the year as loaded.
     */
    private static void awaitSameAnswers(
            DruidClient druid, List<Case> cases, Map<String, List<Map<String, Object>>> expected) {
        for (Case c : cases) {
            NamedQuery query = CATALOG.get(c.query());
            List<Object> values = Arrays.asList(c.parameters().apply(new Random(1)));
            Awaitility.await(c.label() + " answers as it did on the year as loaded")
                    .atMost(Duration.ofMinutes(2))
                    .until(
                            () -> CATALOG.run(druid, query, values, 0, Map.of()),
                            rows -> AnswerCheck.same(expected.get(c.label()), rows));
            report(
                    "same answer as before: %s (%d rows)",
                    c.label(), expected.get(c.label()).size());
        }
    }

    /** p50, p95, p99 and max of each case over {@code runs} runs after {@code warmup}. */
    private static List<String> measure(
            DruidClient druid, List<Case> cases, int runs, int warmup, Map<String, Object> context)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("load average %s", loadAverage()));
        lines.add("| query | named query | runs | p50 ms | p95 ms | p99 ms | max ms | rows |");
        lines.add("|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            // As the dashboards page runs it: its native form where it has one for the values.
            NamedQuery query = CATALOG.get(c.query());
            Random r = new Random(c.label().hashCode());
            for (int i = 0; i < warmup; i++) {
                List<Object> params = Arrays.asList(c.parameters().apply(r));
                if (c.sql()) {
                    druid.sql(context, query.body(), params.toArray());
                } else {
                    CATALOG.run(druid, query, params, 0, context);
                }
            }
            long[] nanos = new long[runs];
            long rows = 0;
            for (int i = 0; i < runs; i++) {
                List<Object> params = Arrays.asList(c.parameters().apply(r));
                long start = System.nanoTime();
                rows +=
                        c.sql()
                                ? druid.sql(context, query.body(), params.toArray()).size()
                                : CATALOG.run(druid, query, params, 0, context).size();
                nanos[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(nanos);
            lines.add(
                    String.format(
                            "| %s | `%s` | %d | %.0f | %.0f | %.0f | %.0f | %d |",
                            c.label(),
                            c.query(),
                            runs,
                            ms(pct(nanos, 50)),
                            ms(pct(nanos, 95)),
                            ms(pct(nanos, 99)),
                            ms(nanos[runs - 1]),
                            rows / runs));
            report("measured %s", lines.get(lines.size() - 1));
        }
        lines.add(String.format("load average %s", loadAverage()));
        return lines;
    }

    private static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Loads every file of {@code dir} into {@code datasource} with its task template. */
    private static void load(DruidClient druid, String datasource, Path dir, String granularity) {
        Path template = ProjectFiles.root().resolve("druid/tasks/" + datasource + ".json");
        String task =
                Templates.render(
                        ProjectFiles.read(template),
                        Map.of(
                                "INTERVALS",
                                "[\"" + YearOfReports.FROM + "/" + YearOfReports.TO + "\"]",
                                "SEGMENT_GRANULARITY",
                                granularity,
                                "BASE_DIR",
                                dir.toAbsolutePath().toString(),
                                "SUBTASKS",
                                System.getProperty("bench.subtasks", "2"),
                                "AWAIT_MILLIS",
                                "0"),
                        template.toString());
        druid.awaitTaskSuccess(druid.submitTask(task), LOAD_TIMEOUT);
        druid.awaitServed(datasource, LOAD_TIMEOUT);
    }

    /**
     * A compaction task of {@code interval} with the datasource's auto-compaction config ({@code
     * druid/compaction/<datasource>.json}): the same granularity, partitioning and tuning the
     * coordinator uses.
     */
    static String compactionTask(String datasource, String interval) throws IOException {
        ObjectNode config =
                (ObjectNode)
                        JSON.readTree(
                                ProjectFiles.read(
                                        ProjectFiles.root()
                                                .resolve(
                                                        "druid/compaction/"
                                                                + datasource
                                                                + ".json")));
        ObjectNode task =
                JSON.createObjectNode().put("type", "compact").put("dataSource", datasource);
        task.putObject("ioConfig")
                .put("type", "compact")
                .putObject("inputSpec")
                .put("type", "interval")
                .put("interval", interval);
        for (String field : List.of("granularitySpec", "dimensionsSpec", "tuningConfig")) {
            if (config.has(field)) {
                task.set(field, config.get(field));
            }
        }
        if (task.has("tuningConfig")) {
            ((ObjectNode) task.get("tuningConfig")).put("type", "index_parallel");
        }
        return task.toString();
    }

    /**
     * Writes each case's native query (Druid's plan) to {@code target/bench-explain-<stage>.txt}.
     */
    private static void explain(DruidClient druid, List<Case> cases, String stage)
            throws IOException {
        StringBuilder out = new StringBuilder();
        for (Case c : cases) {
            out.append("-- ").append(c.label()).append('\n');
            for (Map<String, Object> row :
                    druid.sql(
                            "EXPLAIN PLAN FOR " + sql(c.query()),
                            c.parameters().apply(new Random(1)))) {
                out.append(row.get("PLAN")).append('\n');
            }
        }
        Path file =
                ProjectFiles.root().resolve("superset/page/target/bench-explain-" + stage + ".txt");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        report("plans in %s", file);
    }

    /** Segments of the year and rows per segment, from the broker's system tables. */
    private static String segments(DruidClient druid) {
        return druid.sql(
                        "SELECT datasource, COUNT(*) AS segments, "
                                + " SUM(\"size\") AS bytes FROM sys.segments WHERE is_active = 1"
                                + " GROUP BY datasource")
                .toString();
    }

    private static String sql(String name) {
        return NamedQuery.load(ProjectFiles.path("druid/queries").resolve(name + ".sql")).body();
    }

    private static String loadAverage() throws IOException {
        String[] parts =
                Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static void print(String title, List<String> table) {
        report("%s", title);
        table.forEach(line -> report("%s", line));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void report(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, "BENCH " + String.format(format, args));
    }
}
