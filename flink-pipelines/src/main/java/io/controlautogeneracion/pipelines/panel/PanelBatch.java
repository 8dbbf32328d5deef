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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
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
            List<PanelReportRow> reports,
            List<PanelAlarmRow> alarms,
            RunInputs inputs,
            List<HourLedger.Gap> gaps,
            HourRange written,
            long carried) {}

    /**
     * Runs the range; {@code light} gives expectations from the clients' light sensors (or {@link
     * ExpectedEnergy#NONE}). A range without any landed panel partition changes nothing in Druid.
     */
    public Result run(HourRange range, StreamExecutionEnvironment env, ExpectedEnergy.Source light)
            throws Exception {
        RunInputs inputs = RunInputs.of(landingDir, topic, range, includeOpen);
        if (inputs.read().isEmpty()) {
            return new Result(List.of(), List.of(), inputs, List.of(), null, 0);
        }
        // The rows the last run loaded are read back (history, carries): they must be served.
        druid.awaitServed(DruidPanelHistory.DATASOURCE, SERVED);
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
        List<Source<String, ?, ?>> sources = new ArrayList<>();
        RunInputs.source(full).ifPresent(sources::add);
        RunInputs.source(edgeFiles).ifPresent(sources::add);
        Steps steps = new Steps();
        List<PanelSpan> spans =
                new HourJob<>(
                                sources,
                                catalog,
                                new RichPanel(range, fullHours, energy),
                                catalogTimeout,
                                HourJob.capacity(catalogCapacity, range, 50_000))
                        .run(env);
        steps.done("Flink (readings, catalog, energy)");
        keepEdges(spans, inputs, neighbours, fullHours);
        steps.done("edges kept");
        FarGaps.Result completed =
                new FarGaps(landingDir, topic, edges, gapReach, energy, catalog, catalogTimeout)
                        .complete(range, spans, ledger.read().gaps());
        steps.done("far gaps");
        SortedSet<Instant> computed = new TreeSet<>(inputs.slots());
        List<PanelHour> hours = new ArrayList<>();
        for (PanelHour h : completed.hours()) {
            if (computed.contains(h.slot())) {
                hours.add(h);
            }
        }
        List<PanelHour> withSilent = new ArrayList<>(hours);
        withSilent.addAll(
                SilentPanels.find(
                        druid,
                        catalog,
                        hours,
                        range,
                        computed,
                        alarms.silentLookback(),
                        catalogTimeout));
        steps.done("silent panels");
        List<PanelReportRow> templates = new ArrayList<>();
        for (PanelHour h : hours) {
            templates.add(PanelReports.template(h));
        }
        List<PanelReportRow> forHistory = new ArrayList<>(templates);
        for (PanelHour h : withSilent) {
            if (h.silent()) {
                forHistory.add(PanelReports.template(h));
            }
        }
        PanelHistory history =
                DruidPanelHistory.fetch(druid, forHistory, range.from(), alarms.historyDays());
        List<PanelAlarmRow> alarmRows =
                alarms.withLight(light).build(withSilent, range.from(), history);
        steps.done("history and alarms");
        WritePanel.Written written = write.write(range, computed, templates, history, alarmRows);
        steps.done("Druid loads");
        LOG.info("{}: {}", range, steps);
        return new Result(
                written.reports(),
                alarmRows,
                inputs,
                completed.gaps(),
                written.span(),
                written.carried());
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
        byHour.forEach(
                (hour, panels) -> {
                    Partition p = read.get(Instant.ofEpochMilli(hour));
                    if (p != null) {
                        edges.write(p, Edges.of(panels));
                    }
                });
    }
}
