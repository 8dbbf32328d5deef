package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.Partition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the stored {@code panel_report} rows of a range against SPEC §6, from an independent
 * recomputation: every row's diffs and running totals are recomputed from the stored hourly
 * energies of the year before (a row's totals must equal the sum of {@code power_gen} of its
 * period, its diffs the difference with its reference slots, null where those have no row), and
 * every panel with readings in a landed hour must have a row for that hour.
 */
public final class ReportAudit {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WINDOW = Duration.ofDays(368);

    private final DruidGateway druid;
    private final Path landingDir;
    private final String topic;
    private final EdgeStore edges;

    public ReportAudit(DruidGateway druid, Path landingDir, String topic, EdgeStore edges) {
        this.druid = druid;
        this.landingDir = landingDir;
        this.topic = topic;
        this.edges = edges;
    }

    /** What the audit checked and what disagreed. */
    public record Findings(long rows, long hours, List<String> violations) {}

    /** Audits {@code range}; {@code violation} sees each disagreement as it is found. */
    public Findings audit(HourRange range, Consumer<String> violation) {
        List<String> found = new ArrayList<>();
        Consumer<String> report =
                v -> {
                    found.add(v);
                    violation.accept(v);
                };
        ReportChain chain = new ReportChain(PanelHistory.NONE, range.from().minus(WINDOW));
        long rows = 0;
        for (Instant day = range.from().minus(WINDOW);
                day.isBefore(range.to());
                day = day.plus(DAY)) {
            Instant end = day.plus(DAY).isBefore(range.to()) ? day.plus(DAY) : range.to();
            List<PanelReportRow> stored = StoredReports.rows(druid, day, end);
            stored.sort(PanelReports.ORDER);
            Set<String> present = new HashSet<>();
            for (PanelReportRow r : stored) {
                PanelReportRow expected = chain.next(r);
                if (r.timestamp().isBefore(range.from())) {
                    continue;
                }
                rows++;
                present.add(r.panelId() + "@" + r.timestamp());
                compare(r, expected, report);
            }
            if (!end.isAfter(range.from())) {
                continue;
            }
            for (Instant slot = day.isBefore(range.from()) ? range.from() : day;
                    slot.isBefore(end);
                    slot = slot.plus(Duration.ofHours(1))) {
                Instant s = slot;
                Partition.of(landingDir, topic, slot)
                        .filter(Partition::closed)
                        .ifPresent(
                                p -> {
                                    for (String panel : edges.peek(p).panels()) {
                                        if (!present.contains(panel + "@" + s)) {
                                            report.accept(
                                                    String.format(
                                                            Locale.ROOT,
                                                            "%s %s: readings landed, no"
                                                                    + " panel_report row",
                                                            s,
                                                            panel));
                                        }
                                    }
                                });
            }
        }
        return new Findings(rows, range.hours(), found);
    }

    private static void compare(
            PanelReportRow stored, PanelReportRow expected, Consumer<String> report) {
        for (Comparison c : Comparison.values()) {
            if (!same(stored.diff(c), expected.diff(c))) {
                report.accept(describe(stored, c.column(), stored.diff(c), expected.diff(c)));
            }
        }
        for (Period p : Period.values()) {
            if (!same(stored.acum(p), expected.acum(p))) {
                report.accept(describe(stored, p.column(), stored.acum(p), expected.acum(p)));
            }
        }
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }

    private static String describe(
            PanelReportRow r, String column, Double stored, Double expected) {
        return String.format(
                Locale.ROOT,
                "%s %s %s: %s is %s, the stored energies give %s",
                r.timestamp(),
                r.panelId(),
                Objects.toString(r.enrichment().clientId(), "(no client)"),
                column,
                stored,
                expected);
    }
}
