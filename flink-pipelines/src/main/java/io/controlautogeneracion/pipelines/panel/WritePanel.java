package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.model.time.IsoTime;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.RowFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WritePanel: loads the rows of the hours a run computed into {@code panel_report} (and their
 * alarms into {@code panel_alarm}), and keeps every stored row consistent (SPEC §6): diffs and
 * running totals are functions of the stored hourly energies, so when a run changes the energy of
 * an hour that later rows depend on (their day, month, quarter, half-year and year, and the slots
 * that use it as a reference: up to a year later), those later rows are rewritten from their own
 * stored {@code power_gen}, without reading any raw reading again. Hours the run did not read are
 * rewritten as they were, never emptied.
 */
public final class WritePanel {
    private static final Logger LOG = LoggerFactory.getLogger(WritePanel.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    // A year and a day of references (diff_last_year) plus a day for the zones' offsets.
    private static final Duration REACH = Duration.ofDays(368);
    private static final double SAME = 1e-9;

    private final DruidLoad load;
    private final Path workDir;
    private final DruidGateway druid;

    /** The loads' Druid tasks: a long run waits for them itself. */
    public DruidLoad load() {
        return load;
    }

    public WritePanel(DruidLoad load, Path workDir, DruidGateway druid) {
        this.load = load;
        this.workDir = workDir;
        this.druid = druid;
    }

    /** What a write loaded: the computed hours' rows, and how many later rows it carried. */
    public record Written(List<PanelReportRow> reports, HourRange span, long carried) {}

    /**
     * @param computed the hours the run read and computed; their rows replace the stored ones
     * @param rows the computed hours' rows without diffs and totals ({@link
     *     PanelReports#templates})
     * @param history the references and carries before {@code range} the computed rows need
     */
    public Written write(
            HourRange range,
            SortedSet<Instant> computed,
            List<PanelReportRow> rows,
            PanelHistory history,
            List<PanelAlarmRow> alarms) {
        return write(range, computed, rows, history, alarms, null);
    }

    /**
     * {@link #write}, with the Druid tasks only submitted when {@code pending} is given: their ids
     * are added to it, for the caller to wait for.
     */
    public Written write(
            HourRange range,
            SortedSet<Instant> computed,
            List<PanelReportRow> rows,
            PanelHistory history,
            List<PanelAlarmRow> alarms,
            List<String> pending) {
        HourRange span = span(range, computed, rows);
        // Stored rows rewritten (later ones, or hours of the range the run did not read) need
        // references from before the range that only a window of stored energies holds.
        boolean carries = !span.equals(range) || computed.size() < range.hours();
        // A run of whole days (a back-fill) is loaded in day segments too.
        DruidLoad.Granularity granularity = DruidLoad.Granularity.fitting(List.of(span));
        if (carries && span.hours() > DruidLoad.DAY_SEGMENTS_FROM_HOURS) {
            // A long carry is loaded in day segments, 2.5 times faster than hour ones; a day
            // segment replaces its whole day, so the span grows to whole UTC days (the hours
            // added are rewritten from their stored rows).
            span =
                    new HourRange(
                            startOfDay(span.from()),
                            startOfDay(span.to().minusMillis(1)).plus(DAY));
            granularity = DruidLoad.Granularity.DAY;
        }
        // The UTC days with stored rows, only asked for when stored rows are rewritten.
        Set<Instant> storedDays =
                carries
                        ? StoredReports.days(druid, startOfDay(span.from().minus(REACH)), span.to())
                        : Set.of();
        ReportChain chain =
                carries ? window(span.from(), storedDays) : new ReportChain(history, range.from());
        Map<Instant, List<PanelReportRow>> bySlot = new HashMap<>();
        for (PanelReportRow r : rows) {
            bySlot.computeIfAbsent(r.timestamp(), k -> new ArrayList<>()).add(r);
        }
        List<PanelReportRow> out = new ArrayList<>(rows.size());
        Path dir = workDir.resolve("panel_report").resolve(DruidLoad.name(List.of(span)));
        long carried = 0;
        try (RowFiles.Writer file = RowFiles.open(dir, "rows.json")) {
            for (Instant day = startOfDay(span.from());
                    day.isBefore(span.to());
                    day = day.plus(DAY)) {
                Instant from = later(day, span.from());
                Instant end = min(day.plus(DAY), span.to());
                List<PanelReportRow> chunk = new ArrayList<>();
                boolean allComputed = true;
                for (Instant slot = from; slot.isBefore(end); slot = slot.plus(HOUR)) {
                    if (computed.contains(slot)) {
                        chunk.addAll(bySlot.getOrDefault(slot, List.of()));
                    } else {
                        allComputed = false;
                    }
                }
                if (!allComputed && storedDays.contains(day)) {
                    for (PanelReportRow r : StoredReports.rows(druid, from, end)) {
                        if (!computed.contains(r.timestamp())) {
                            chunk.add(r);
                            if (!r.timestamp().isBefore(range.to())) {
                                carried++;
                            }
                        }
                    }
                }
                chunk.sort(PanelReports.ORDER);
                for (PanelReportRow r : chunk) {
                    PanelReportRow done = chain.next(r);
                    file.write(done);
                    if (computed.contains(r.timestamp())) {
                        out.add(done);
                    }
                }
            }
        }
        if (carried > 0) {
            LOG.info(
                    "{}: the run changed hours that later rows depend on; {} stored rows up to {}"
                            + " carried through",
                    range,
                    carried,
                    span.to());
        }
        if (pending == null) {
            load.replace("panel_report", List.of(span), granularity, dir);
            load.replaceHours("panel_alarm", computed, workDir, alarms);
        } else {
            pending.add(load.submit("panel_report", List.of(span), granularity, dir));
            pending.add(load.submitHours("panel_alarm", computed, workDir, alarms));
        }
        return new Written(out, span, carried);
    }

    /**
     * A chain that holds the stored rows of the year before {@code from}: the rows rewritten from
     * there on refer back up to a year, and carry on from the latest of them.
     */
    private ReportChain window(Instant from, Set<Instant> storedDays) {
        ReportChain chain = new ReportChain(PanelHistory.NONE, from.minus(REACH));
        for (Instant day : new TreeSet<>(storedDays)) {
            Instant start = later(day, from.minus(REACH));
            Instant end = min(day.plus(DAY), from);
            if (start.isBefore(end)) {
                List<PanelReportRow> before = StoredReports.rows(druid, start, end);
                before.sort(PanelReports.ORDER);
                before.forEach(chain::remember);
            }
        }
        return chain;
    }

    /**
     * The hours to rewrite: the run's range, and when the run changed a stored energy, every later
     * stored hour within a year and a day of the change.
     */
    private HourRange span(HourRange range, Set<Instant> computed, List<PanelReportRow> rows) {
        Map<String, Double> stored = StoredReports.powerGen(druid, range.from(), range.to());
        Instant changed = null;
        Set<String> seen = new java.util.HashSet<>();
        for (PanelReportRow r : rows) {
            if (stored.isEmpty()) {
                // Nothing stored over the range (a back-fill): every row is a change.
                changed = later(changed, r.timestamp());
                continue;
            }
            String id =
                    PanelReports.key(r.panelId(), r.enrichment().clientId()) + "@" + r.timestamp();
            seen.add(id);
            Double before = stored.get(id);
            if (before == null || Math.abs(before - r.powerGen()) > SAME) {
                changed = later(changed, r.timestamp());
            }
        }
        for (String id : stored.keySet()) {
            Instant slot = IsoTime.parse(id.substring(id.lastIndexOf('@') + 1));
            if (computed.contains(slot) && !seen.contains(id)) {
                changed = later(changed, slot);
            }
        }
        Instant latest = changed == null ? null : StoredReports.latest(druid);
        if (latest == null || latest.isBefore(range.to())) {
            return range;
        }
        Instant end = min(latest.plus(HOUR), changed.plus(REACH));
        return end.isAfter(range.to()) ? new HourRange(range.from(), end) : range;
    }

    private static Instant startOfDay(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The hours of {@code range} in a sorted set. */
    public static SortedSet<Instant> all(HourRange range) {
        return new TreeSet<>(range.slots());
    }
}
