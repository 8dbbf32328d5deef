package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.panel.EdgeStore;
import io.controlautogeneracion.pipelines.panel.ReportAudit;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit command (SPEC §6): checks the invariants of the hourly reports over a range ({@code
 * --from .. --to}, or {@code --hour}) and prints what disagrees: every {@code panel_report} row's
 * diffs and running totals against the stored hourly energies, a row for every panel with landed
 * readings, and every closed hour reported from the readings landed now (not failed, not dirty, not
 * changed since). Exits 1 on any violation, 0 when the range is consistent.
 */
public final class BatchAudit {
    private static final int SHOWN = 20;

    private BatchAudit() {}

    public static void main(String[] args) {
        JobParameters p = new JobParameters(args, System.getenv(), "BATCH");
        Clock clock = Clock.systemUTC();
        BatchSettings s;
        HourRange range;
        try {
            s = BatchSettings.from(p);
            boolean given = p.get("hour", null) != null || p.get("from", null) != null;
            range = given ? BatchSettings.range(p, clock.instant()) : landed(s);
        } catch (JobParameters.BadParameter e) {
            e.exit("audit");
            return;
        }
        if (range == null) {
            System.out.println("nothing landed yet: nothing to audit");
            return;
        }
        int violations = audit(s, range, clock, System.out);
        System.exit(violations == 0 ? 0 : 1);
    }

    /**
     * Audits {@code range}, printing to {@code out}; the number of violations. {@code clock} is
     * "now" for the landed lines' sanity bound.
     */
    public static int audit(BatchSettings s, HourRange range, Clock clock, PrintStream out) {
        long start = System.nanoTime();
        out.printf("audit of the hourly reports %s (%d h)%n", range, range.hours());
        LandedLines lines = new LandedLines(clock);
        List<String> violations = new ArrayList<>();
        violations.addAll(ledger(s, range, lines, clock.instant()));
        DruidGateway druid = DruidGateway.over(new DruidClient(s.druidOverlord(), s.druidBroker()));
        druid.awaitServed("panel_report", s.druidTaskTimeout());
        ReportAudit.Findings f =
                new ReportAudit(
                                druid,
                                s.landingDir(),
                                s.panelTopic(),
                                new EdgeStore(s.stateDir(), s.panelTopic(), lines))
                        .audit(range, v -> {});
        violations.addAll(f.violations());
        for (int i = 0; i < Math.min(SHOWN, violations.size()); i++) {
            out.println("  " + violations.get(i));
        }
        if (violations.size() > SHOWN) {
            out.printf("  … and %d more%n", violations.size() - SHOWN);
        }
        out.printf(
                "%d panel_report rows checked in %.1f s: %d violation(s)%n",
                f.rows(), (System.nanoTime() - start) / 1e9, violations.size());
        return violations.size();
    }

    /** From the first landed hour of either topic to the last closed one; null when none. */
    static HourRange landed(BatchSettings s) {
        Instant first = null;
        Instant last = null;
        for (String topic : java.util.List.of(s.panelTopic(), s.lightTopic())) {
            for (Instant slot : HourPartitions.slots(s.landingDir(), topic)) {
                if (first == null || slot.isBefore(first)) {
                    first = slot;
                }
                if (HourPartitions.isClosed(s.landingDir(), topic, slot)
                        && (last == null || slot.isAfter(last))) {
                    last = slot;
                }
            }
        }
        return first == null || last == null || last.isBefore(first)
                ? null
                : new HourRange(first, last.plus(java.time.Duration.ofHours(1)));
    }

    /** Closed hours of the range that are not reported from what is landed {@code now}. */
    static List<String> ledger(BatchSettings s, HourRange range, LandedLines lines, Instant now) {
        HourInputs inputs =
                new HourInputs(s.landingDir(), s.stateDir(), s.panelTopic(), s.lightTopic(), lines);
        Map<Instant, HourLedger.Hour> known = new HourLedger(s.stateDir()).read().hours();
        List<String> out = new ArrayList<>();
        for (Instant h : range.slots()) {
            boolean closed =
                    inputs.panel(h).map(Partition::closed).orElse(true)
                            && inputs.light(h).map(Partition::closed).orElse(true);
            boolean landed = inputs.panel(h).isPresent() || inputs.light(h).isPresent();
            if (!landed || !closed) {
                continue;
            }
            HourLedger.Hour recorded = known.get(h);
            if (recorded == null) {
                out.add(h + ": landed and closed, never reported");
            } else if (recorded.status() == HourLedger.Status.FAILED) {
                out.add(h + ": failed " + recorded.attempts() + " time(s): " + recorded.error());
            } else if (recorded.status() == HourLedger.Status.DIRTY) {
                out.add(h + ": due again (a counter gap found later crosses it)");
            } else if (HourInputs.changed(recorded, inputs.now(h, now))) {
                out.add(h + ": its readings changed since it was reported");
            }
        }
        return out;
    }
}
