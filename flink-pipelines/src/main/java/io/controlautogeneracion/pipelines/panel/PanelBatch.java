package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.HourJob;
import io.controlautogeneracion.pipelines.batch.HourLedger;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.Partition;
import io.controlautogeneracion.pipelines.batch.RunInputs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One panel batch run over a range of hours: RichPanel on Flink over the range's partitions and the
 * edges of the hours either side (energy per hour and owner), the gaps that reach further ({@link
 * FarGaps}), the panels that fell silent, the history the range needs from Druid, then WritePanel
 * (reports, carried through the later rows that depend on them, and alarms).
 */
public final class PanelBatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PanelBatch.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SERVED = Duration.ofMinutes(10);
    // Ranges longer than a month run a calendar month at a time.
    private static final int MONTH_HOURS = 31 * 24;

    private final Path landingDir;
    private final String topic;
    private final boolean includeOpen;
    private final BatchCatalog.Factory catalog;
    private final DruidGateway druid;
    private final WritePanel write;
    private final PanelAlarms alarms;
    private final PanelEnergy energy;
    private final EdgeStore edges;
    private final HourLedger ledger;
    private final Duration gapReach;
    private final Duration catalogTimeout;
    private final int catalogCapacity;

    public PanelBatch(
            Path landingDir,
            String topic,
            boolean includeOpen,
            BatchCatalog.Factory catalog,
            DruidGateway druid,
            WritePanel write,
            PanelAlarms alarms,
            PanelEnergy energy,
            EdgeStore edges,
            HourLedger ledger,
            Duration gapReach,
            Duration catalogTimeout,
            int catalogCapacity) {
        this.landingDir = landingDir;
        this.topic = topic;
        this.includeOpen = includeOpen;
        this.catalog = catalog;
        this.druid = druid;
        this.write = write;
        this.alarms = alarms;
        this.energy = energy;
        this.edges = edges;
        this.ledger = ledger;
        this.gapReach = gapReach;
        this.catalogTimeout = catalogTimeout;
        this.catalogCapacity = catalogCapacity;
    }

    /**
     * What a run produced (and loaded): the computed hours' rows and alarms, the partitions it read
     * and the edges it used, and the counter gaps it found that reach beyond the range.
     */
    public record Result(
            SortedMap<Instant, Integer> reportsPerHour,
            List<PanelAlarmRow> alarms,
            RunInputs inputs,
            List<HourLedger.Gap> gaps,
            HourRange written,
            long carried) {

        /** The computed hours' {@code panel_report} rows. */
        public long reports() {
            long n = 0;
            for (int c : reportsPerHour.values()) {
                n += c;
            }
            return n;
        }
    }

    /**
     * Runs the range; {@code light} gives expectations from the clients' light sensors (or {@link
     * ExpectedEnergy#NONE}). A range without any landed panel partition changes nothing in Druid.
     */
    public Result run(HourRange range, StreamExecutionEnvironment env, ExpectedEnergy.Source light)
            throws Exception {
        List<HourRange> stretches = stretches(range);
        if (stretches.size() == 1) {
            return runStretch(range, env, light, null, null, List.of());
        }
        // A long range (a back-fill) goes a calendar month at a time, so a run holds one month of
        // panel hours. Over hours Druid holds nothing of yet, the months' running totals and
        // references are carried in memory from one month to the next, and each month's loads go
        // on while the next month is computed; otherwise every month runs as a run of its own.
        druid.awaitServed(DruidPanelHistory.DATASOURCE, SERVED);
        Instant latest = StoredReports.latest(druid);
        boolean fresh = latest == null || latest.isBefore(range.from());
        CarriedHistory carried = fresh ? new CarriedHistory(range.from()) : null;
        List<String> pending = fresh ? new ArrayList<>() : null;
        SortedMap<Instant, Integer> perHour = new TreeMap<>();
        List<PanelAlarmRow> alarmRows = new ArrayList<>();
        List<Partition> read = new ArrayList<>();
        List<HourLedger.Gap> gaps = new ArrayList<>();
        HourRange written = null;
        long carriedRows = 0;
        for (HourRange stretch : stretches) {
            Result r = runStretch(stretch, env, light, carried, pending, gaps);
            perHour.putAll(r.reportsPerHour());
            alarmRows.addAll(r.alarms());
            read.addAll(r.inputs().read());
            gaps.addAll(r.gaps());
            if (r.written() != null) {
                written =
                        written == null
                                ? r.written()
                                : new HourRange(
                                        written.from(), later(written.to(), r.written().to()));
            }
            carriedRows += r.carried();
            if (pending != null) {
                // At most the last two months' loads are left running.
                while (pending.size() > 4) {
                    write.load().await(pending.remove(0));
                }
            }
        }
        if (pending != null) {
            for (String task : pending) {
                write.load().await(task);
            }
        }
        return new Result(
                perHour,
                alarmRows,
                new RunInputs(topic, range, List.copyOf(read)),
                gaps,
                written,
                carriedRows);
    }

    /** The range as calendar months (UTC) when it is longer than a month, else whole. */
    static List<HourRange> stretches(HourRange range) {
        if (range.hours() <= MONTH_HOURS) {
            return List.of(range);
        }
        List<HourRange> out = new ArrayList<>();
        Instant from = range.from();
        while (from.isBefore(range.to())) {
            Instant next =
                    from.atZone(ZoneOffset.UTC)
                            .withDayOfMonth(1)
                            .truncatedTo(ChronoUnit.DAYS)
                            .plusMonths(1)
                            .toInstant();
            Instant to = next.isBefore(range.to()) ? next : range.to();
            out.add(new HourRange(from, to));
            from = to;
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * One stretch of a run. With {@code carried} (a back-fill over hours Druid holds nothing of),
     * its history before the stretch comes from the stretches before it and from Druid for hours
     * before the run, and its Druid tasks are added to {@code pending} instead of waited for.
     */
    private Result runStretch(
            HourRange range,
            StreamExecutionEnvironment env,
            ExpectedEnergy.Source light,
            CarriedHistory carried,
            List<String> pending,
            List<HourLedger.Gap> found)
            throws Exception {
        RunInputs inputs = RunInputs.of(landingDir, topic, range, includeOpen);
        if (inputs.read().isEmpty()) {
            return new Result(new TreeMap<>(), List.of(), inputs, List.of(), null, 0);
        }
        if (carried == null) {
            // The rows the last run loaded are read back (history, carries): they must be served.
            druid.awaitServed(DruidPanelHistory.DATASOURCE, SERVED);
        }
        List<Path> full = new ArrayList<>();
        List<Path> edgeFiles = new ArrayList<>();
        List<Long> fullHours = new ArrayList<>();
        for (Partition p : inputs.read()) {
            full.addAll(p.files());
            fullHours.add(p.slot().toEpochMilli());
        }
        Map<Instant, Partition> neighbours = new HashMap<>();
        // The hours either side of the range, and those inside it the run does not read (open or
        // purged): their edge readings bound the hours it computes.
        List<Instant> edgeSlots = new ArrayList<>();
        edgeSlots.add(range.from().minus(HOUR));
        for (Instant slot : range.slots()) {
            if (!inputs.slots().contains(slot)) {
                edgeSlots.add(slot);
            }
        }
        edgeSlots.add(range.to());
        for (Instant slot : edgeSlots) {
            Optional<Partition> p = Partition.of(landingDir, topic, slot);
            if (p.isEmpty()) {
                // Purged: its edges, when a run kept them, still bound the hour next to it.
                edges.kept(slot).ifPresent(edgeFiles::add);
                continue;
            }
            neighbours.put(slot, p.get());
            Optional<Path> kept = edges.file(p.get());
            if (kept.isPresent()) {
                edgeFiles.add(kept.get());
            } else {
                full.addAll(p.get().files());
                fullHours.add(slot.toEpochMilli());
            }
        }
        List<Source<byte[], ?, ?>> sources = new ArrayList<>();
        RunInputs.source(full).ifPresent(sources::add);
        RunInputs.source(edgeFiles).ifPresent(sources::add);
        Steps steps = new Steps();
        List<PanelSpan> spans =
                new HourJob<>(
                                sources,
                                catalog,
                                new RichPanel(range, fullHours, energy),
                                edges.lines(),
                                catalogTimeout,
                                HourJob.capacity(catalogCapacity, range, 50_000))
                        .run(env);
        steps.done("Flink (readings, catalog, energy)");
        keepEdges(spans, inputs, neighbours, fullHours);
        steps.done("edges kept");
        List<HourLedger.Gap> known = new ArrayList<>(ledger.read().gaps());
        known.addAll(found);
        FarGaps.Result completed =
                new FarGaps(landingDir, topic, edges, gapReach, energy, catalog, catalogTimeout)
                        .complete(range, spans, known);
        steps.done("far gaps");
        SortedSet<Instant> computed = new TreeSet<>(inputs.slots());
        List<PanelHour> hours = new ArrayList<>();
        for (PanelHour h : completed.hours()) {
            if (computed.contains(h.slot())) {
                hours.add(h);
            }
        }
        List<PanelHour> withSilent = new ArrayList<>(hours);
        if (carried == null) {
            withSilent.addAll(
                    SilentPanels.find(
                            druid,
                            catalog,
                            hours,
                            range,
                            computed,
                            alarms.silentLookback(),
                            catalogTimeout));
        } else {
            Instant since = range.from().minus(alarms.silentLookback());
            Map<String, Instant> lastBefore =
                    new HashMap<>(
                            SilentPanels.lastReports(
                                    druid,
                                    since,
                                    carried.from().isBefore(range.from())
                                            ? carried.from()
                                            : range.from()));
            lastBefore.putAll(carried.lastReports(since, range.from()));
            withSilent.addAll(
                    SilentPanels.find(
                            lastBefore,
                            catalog,
                            hours,
                            range,
                            computed,
                            alarms.silentLookback(),
                            catalogTimeout));
        }
        steps.done("silent panels");
        List<PanelReportRow> templates = PanelReports.templates(hours);
        List<PanelReportRow> forHistory = new ArrayList<>(templates);
        forHistory.addAll(
                PanelReports.templates(withSilent.stream().filter(PanelHour::silent).toList()));
        PanelHistory history =
                carried == null
                        ? DruidPanelHistory.fetch(
                                druid, forHistory, range.from(), alarms.historyDays())
                        : carried.over(
                                DruidPanelHistory.fetch(
                                        druid, forHistory, carried.from(), alarms.historyDays()));
        List<PanelAlarmRow> alarmRows =
                alarms.withLight(light).build(withSilent, range.from(), history);
        steps.done("history and alarms");
        if (carried != null && computed.size() < range.hours()) {
            // Hours without a partition are rewritten from what Druid holds, which must then
            // include the months before.
            for (String task : pending) {
                write.load().await(task);
            }
            pending.clear();
            druid.awaitServed(DruidPanelHistory.DATASOURCE, SERVED);
        }
        WritePanel.Written written =
                write.write(range, computed, templates, history, alarmRows, pending);
        if (carried != null) {
            carried.remember(written.reports());
        }
        steps.done(pending == null ? "Druid loads" : "Druid loads submitted");
        LOG.info("{}: {}", range, steps);
        SortedMap<Instant, Integer> perHour = new TreeMap<>();
        for (PanelReportRow r : written.reports()) {
            perHour.merge(r.timestamp(), 1, Integer::sum);
        }
        return new Result(
                perHour, alarmRows, inputs, completed.gaps(), written.span(), written.carried());
    }

    /** How long each step of a run took, for its log line. */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.length() == 0 ? "" : ", ")
                    .append(step)
                    .append(String.format(java.util.Locale.ROOT, " %.1f s", (now - last) / 1e9));
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Keeps the edges of every partition the run read in full, for the runs next to it. */
    private void keepEdges(
            List<PanelSpan> spans,
            RunInputs inputs,
            Map<Instant, Partition> neighbours,
            List<Long> fullHours) {
        Map<Long, Map<String, List<EdgeReading>>> byHour = new HashMap<>();
        for (long hour : fullHours) {
            byHour.put(hour, new HashMap<>());
        }
        for (PanelSpan s : spans) {
            for (EdgeReading e : s.edges()) {
                long hour = Math.floorDiv(e.time(), HOUR.toMillis()) * HOUR.toMillis();
                Map<String, List<EdgeReading>> panels = byHour.get(hour);
                if (panels != null) {
                    panels.computeIfAbsent(s.panelId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        Map<Instant, Partition> read = new HashMap<>(neighbours);
        inputs.read().forEach(p -> read.put(p.slot(), p));
        // Each hour's edges are files of their own, summarised and written side by side: between
        // two Flink runs the driver would otherwise use one core of the machine.
        byHour.entrySet().parallelStream()
                .forEach(
                        e -> {
                            Partition p = read.get(Instant.ofEpochMilli(e.getKey()));
                            if (p != null) {
                                edges.write(p, Edges.of(e.getValue()));
                            }
                        });
    }
}
