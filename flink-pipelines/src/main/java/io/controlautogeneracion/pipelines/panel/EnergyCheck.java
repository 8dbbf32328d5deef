package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.batch.BatchSettings;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the reports against the panels' own energy counters, an independent truth: for every panel
 * with counters, Σ {@code power_gen} of its {@code panel_report} rows over a range of whole hours
 * against its counter difference over the same range, the counter interpolated linearly at the
 * range's bounds between the landed readings around them. Prints the distribution of the relative
 * differences (min, median, max) and the worst panels; exits 1 when a panel is off by more than
 * {@code --tolerance} (default 0.5 %).
 */
public final class EnergyCheck {
    private static final Duration HOUR = Duration.ofHours(1);

    private EnergyCheck() {}

    /** One panel's comparison. */
    public record Panel(String panelId, double reportedWh, double counterWh) {
        public double relative() {
            return (reportedWh - counterWh) / counterWh;
        }
    }

    public static void main(String[] args) {
        JobParameters p = new JobParameters(args, System.getenv(), "BATCH");
        Clock clock = Clock.systemUTC();
        BatchSettings s;
        double tolerance;
        HourRange range;
        try {
            s = BatchSettings.from(p);
            tolerance = p.getDouble("tolerance", 0.005);
            range = range(p, s, clock.instant());
        } catch (JobParameters.BadParameter e) {
            e.exit("energy check");
            return;
        }
        if (range == null) {
            System.out.println("no closed hours landed yet: nothing to check");
            return;
        }
        DruidGateway druid = DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker()));
        druid.awaitServed("panel_report", s.druidTaskTimeout());
        List<Panel> panels =
                check(
                        druid,
                        new EdgeStore(s.stateDir(), s.panelTopic(), new LandedLines(clock)),
                        s.landingDir(),
                        s.panelTopic(),
                        range);
        System.exit(print(System.out, range, panels, tolerance) ? 0 : 1);
    }

    /** {@code --from/--to}, else from the second landed hour to the last closed one. */
    static HourRange range(JobParameters p, BatchSettings s, Instant now) {
        if (p.get("from", null) != null || p.get("hour", null) != null) {
            return BatchSettings.range(p, now);
        }
        List<Instant> slots = HourPartitions.slots(s.landingDir(), s.panelTopic());
        Instant last = null;
        for (Instant slot : slots) {
            if (HourPartitions.isClosed(s.landingDir(), s.panelTopic(), slot)) {
                last = slot;
            }
        }
        if (slots.size() < 2 || last == null || !last.isAfter(slots.get(0))) {
            return null;
        }
        // The first landed hour has no reading before it: its start cannot be interpolated.
        return new HourRange(slots.get(0).plus(HOUR), last.plus(HOUR));
    }

    /** The comparison for every panel whose counter can be interpolated at both bounds. */
    public static List<Panel> check(
            DruidGateway druid,
            EdgeStore edges,
            java.nio.file.Path landing,
            String topic,
            HourRange range) {
        Map<String, Double> atFrom = counters(edges, landing, topic, range.from());
        Map<String, Double> atTo = counters(edges, landing, topic, range.to());
        Map<String, Double> reported = new HashMap<>();
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT panel_id, SUM(power_gen) AS wh FROM panel_report"
                                + " WHERE __time >= ? AND __time < ? GROUP BY panel_id",
                        range.from(),
                        range.to())) {
            reported.put(String.valueOf(row.get("panel_id")), DruidSql.number(row, "wh"));
        }
        List<Panel> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : atFrom.entrySet()) {
            Double end = atTo.get(e.getKey());
            if (end == null || end - e.getValue() <= 0) {
                continue;
            }
            out.add(
                    new Panel(
                            e.getKey(),
                            reported.getOrDefault(e.getKey(), 0.0),
                            end - e.getValue()));
        }
        return out;
    }

    /**
     * Each panel's counter at {@code at}, interpolated between its last reading before and its
     * first at or after (from the edges of the two partitions around it).
     */
    static Map<String, Double> counters(
            EdgeStore edges, java.nio.file.Path landing, String topic, Instant at) {
        Optional<Edges> before = edges.peekAt(landing, topic, at.minus(HOUR));
        Optional<Edges> after = edges.peekAt(landing, topic, at);
        Map<String, Double> out = new HashMap<>();
        if (before.isEmpty() || after.isEmpty()) {
            return out;
        }
        long t = at.toEpochMilli();
        for (String panel : before.get().panels()) {
            List<EdgeReading> b = before.get().of(panel);
            List<EdgeReading> a = after.get().of(panel);
            if (b.isEmpty() || a.isEmpty()) {
                continue;
            }
            EdgeReading last = b.get(b.size() - 1);
            EdgeReading first = a.get(0);
            if (!last.hasCounter() || !first.hasCounter()) {
                continue;
            }
            double share = (t - last.time()) / (double) (first.time() - last.time());
            out.put(panel, last.counter() + share * (first.counter() - last.counter()));
        }
        return out;
    }

    /** Prints the distribution; true when every panel is within {@code tolerance}. */
    public static boolean print(
            PrintStream out, HourRange range, List<Panel> panels, double tolerance) {
        out.printf(
                "energy check %s (%d h): %d panels with counters at both bounds%n",
                range, range.hours(), panels.size());
        if (panels.isEmpty()) {
            return true;
        }
        List<Panel> sorted = new ArrayList<>(panels);
        sorted.sort(Comparator.comparingDouble(Panel::relative));
        double median = sorted.get(sorted.size() / 2).relative();
        out.printf(
                Locale.ROOT,
                "  Σ power_gen against the counter difference: min %+.4f %%, median %+.4f %%,"
                        + " max %+.4f %%%n",
                100 * sorted.get(0).relative(),
                100 * median,
                100 * sorted.get(sorted.size() - 1).relative());
        sorted.sort(Comparator.comparingDouble((Panel x) -> Math.abs(x.relative())).reversed());
        out.println("  worst panels:");
        for (Panel x : sorted.subList(0, Math.min(5, sorted.size()))) {
            out.printf(
                    Locale.ROOT,
                    "    %-10s %+.4f %%  (%.1f Wh reported, %.1f Wh by its counter)%n",
                    x.panelId(),
                    100 * x.relative(),
                    x.reportedWh(),
                    x.counterWh());
        }
        long off = panels.stream().filter(x -> Math.abs(x.relative()) > tolerance).count();
        out.printf(Locale.ROOT, "  %d panel(s) off by more than %.2f %%%n", off, 100 * tolerance);
        return off == 0;
    }
}
