package io.controlautogeneracion.pipelines.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.Partition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The edge readings of one panel hour partition: each panel's first, last and highest-counter
 * reading of the hour. The runs of the hours next to it read these instead of the whole partition
 * (an hour's energy needs the nearest reading on either side, and the highest counter seen), and
 * the scheduler compares their digests to know when a neighbour's change reaches an hour.
 */
public final class Edges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<EdgeReading>> byPanel;

    private Edges(Map<String, List<EdgeReading>> byPanel) {
        this.byPanel = byPanel;
    }

    /**
     * The edges of the given readings (any order, duplicates allowed) of one hour, grouped by
     * panel: one reading per instant, the lowest, as the energy takes them ({@link
     * PanelSamples#sortedDistinct()}).
     */
    public static Edges of(Map<String, List<EdgeReading>> readings) {
        Map<String, List<EdgeReading>> out = new TreeMap<>();
        readings.forEach(
                (panel, list) -> {
                    PanelSamples s = new PanelSamples();
                    list.forEach(
                            r -> s.add(r.time(), r.power(), r.hasCounter() ? r.counter() : null));
                    PanelSamples distinct = s.sortedDistinct();
                    EdgeReading[] sorted = new EdgeReading[distinct.size()];
                    for (int i = 0; i < sorted.length; i++) {
                        double c = distinct.counter(i);
                        sorted[i] = new EdgeReading(distinct.time(i), distinct.power(i), c, c);
                    }
                    out.put(panel, RichPanel.edgesOf(sorted, 0, sorted.length));
                });
        return new Edges(out);
    }

    /** Reads every line of the partition: for a partition no run has read in full yet. */
    public static Edges summarise(Partition partition, LandedLines lines) {
        Map<String, List<EdgeReading>> readings = new TreeMap<>();
        for (Path file : partition.files()) {
            read(file, lines, readings);
        }
        return of(readings);
    }

    /** Reads an edges file written by {@link #lines()}. */
    public static Edges read(Path file, LandedLines lines) {
        Map<String, List<EdgeReading>> readings = new TreeMap<>();
        read(file, lines, readings);
        return of(readings);
    }

    private static void read(Path file, LandedLines lines, Map<String, List<EdgeReading>> into) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ParseResult r = lines.parse(DeviceKind.PANEL, line);
                if (r instanceof ParseResult.Valid valid) {
                    PanelReading p = (PanelReading) valid.reading();
                    double counter = p.energyWh() == null ? Double.NaN : p.energyWh();
                    into.computeIfAbsent(p.panelId(), k -> new ArrayList<>())
                            .add(
                                    new EdgeReading(
                                            p.timestamp().toEpochMilli(),
                                            p.powerW(),
                                            counter,
                                            counter));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Set<String> panels() {
        return byPanel.keySet();
    }

    /** The panel's readings kept for this hour, in time order; empty when it sent none. */
    public List<EdgeReading> of(String panelId) {
        return byPanel.getOrDefault(panelId, List.of());
    }

    /** The edge readings as landed lines, by panel and time. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        byPanel.forEach((panel, list) -> list.forEach(r -> lines.add(line(panel, r))));
        return lines;
    }

    /** A digest of every panel's first reading: what the hour before this one depends on. */
    public String firstsDigest() {
        StringBuilder s = new StringBuilder();
        byPanel.forEach((panel, list) -> s.append(line(panel, list.get(0))).append('\n'));
        return Partition.digest(s.toString());
    }

    /**
     * A digest of every panel's last and highest-counter reading: what the hour after this one
     * depends on.
     */
    public String lastsDigest() {
        StringBuilder s = new StringBuilder();
        byPanel.forEach(
                (panel, list) -> {
                    EdgeReading top = list.get(0);
                    for (EdgeReading r : list) {
                        if (r.hasCounter() && (!top.hasCounter() || r.counter() > top.counter())) {
                            top = r;
                        }
                    }
                    s.append(line(panel, list.get(list.size() - 1)))
                            .append(' ')
                            .append(top.counter())
                            .append('\n');
                });
        return Partition.digest(s.toString());
    }

    static String line(String panelId, EdgeReading r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("panel_id", panelId);
        node.put("timestamp", Instant.ofEpochMilli(r.time()).toString());
        node.put("power_w", r.power());
        if (r.hasCounter()) {
            node.put("energy_wh", r.counter());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flat JSON object always serialises", e);
        }
    }
}
