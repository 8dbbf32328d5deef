package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.Partition;
import io.controlautogeneracion.pipelines.batch.RowFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the {@link Edges} of panel partitions are kept: {@code
 * <state>/edges/<topic>/dt=…/hour=…/edges-<fingerprint>.json}, one file per partition content. A
 * partition whose content changed (a late reading landed) has no edges until a run reads it again.
 * The edges outlive the partition: once its files are purged, the hours next to it still find its
 * first and last readings.
 */
public final class EdgeStore {
    private final Path dir;
    private final LandedLines lines;

    /**
     * @param lines the reader of landed lines and of the edges files
     */
    public EdgeStore(Path stateDir, String topic, LandedLines lines) {
        this.dir = stateDir.resolve("edges").resolve(topic);
        this.lines = lines;
    }

    /** The reader of landed lines the edges are read with. */
    public LandedLines lines() {
        return lines;
    }

    /** The edges file of the partition as it is now, if a run kept one. */
    public Optional<Path> file(Partition p) {
        Path f = fileOf(p);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** The edges kept for an hour whose partition is gone (purged): the newest kept, if any. */
    public Optional<Path> kept(Instant slot) {
        Path hour = dir.resolve(HourPartitions.bucket(slot));
        if (!Files.isDirectory(hour)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(hour)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> f.getFileName().toString().startsWith("edges-"))
                    .max(
                            java.util.Comparator.comparing(
                                    f -> {
                                        try {
                                            return Files.getLastModifiedTime(f);
                                        } catch (IOException e) {
                                            throw new UncheckedIOException(e);
                                        }
                                    }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + hour, e);
        }
    }

    /** The digests kept beside {@link #kept(Instant)} edges. */
    public Optional<Digests> keptDigests(Instant slot) {
        return kept(slot)
                .flatMap(
                        f ->
                                digests(
                                        f.resolveSibling(
                                                f.getFileName()
                                                        .toString()
                                                        .replace(".json", ".digest"))));
    }

    /** The edges of an hour: its partition's, or those kept when the partition is gone. */
    public Optional<Edges> edgesAt(Path landingDir, String topic, Instant slot) {
        Optional<Partition> p = Partition.of(landingDir, topic, slot);
        if (p.isPresent()) {
            return Optional.of(edges(p.get()));
        }
        return kept(slot).map(this::read);
    }

    /**
     * The partition's edges without keeping anything: kept ones, else read from the whole
     * partition. For the checks, which must not change what the scheduler compares.
     */
    public Edges peek(Partition p) {
        return file(p).map(this::read).orElseGet(() -> Edges.summarise(p, lines));
    }

    /** The edges of an hour for the checks: its partition's ({@link #peek}), or those kept. */
    public Optional<Edges> peekAt(Path landingDir, String topic, Instant slot) {
        Optional<Partition> p = Partition.of(landingDir, topic, slot);
        if (p.isPresent()) {
            return Optional.of(peek(p.get()));
        }
        return kept(slot).map(this::read);
    }

    /** The partition's edges: kept ones, else read from the whole partition (and kept). */
    public Edges edges(Partition p) {
        Optional<Path> kept = file(p);
        if (kept.isPresent()) {
            return read(kept.get());
        }
        Edges e = Edges.summarise(p, lines);
        write(p, e);
        return e;
    }

    private Edges read(Path file) {
        return Edges.read(file, lines);
    }

    /**
     * The digests of the partition's first and last readings ({@link Edges#firstsDigest()}, {@link
     * Edges#lastsDigest()}), kept beside its edges; empty when no run kept its edges.
     */
    public Optional<Digests> digests(Partition p) {
        return digests(digestOf(p));
    }

    private static Optional<Digests> digests(Path f) {
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(f);
            return lines.size() == 2
                    ? Optional.of(new Digests(lines.get(0), lines.get(1)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What the hours next to a partition take from it, as digests. */
    public record Digests(String firsts, String lasts) {}

    /** Keeps the edges of the partition's current content, replacing older ones. */
    public void write(Partition p, Edges edges) {
        Path f = fileOf(p);
        Path parent = f.getParent();
        RowFiles.writeLines(f, edges.lines());
        RowFiles.writeLines(digestOf(p), List.of(edges.firstsDigest(), edges.lastsDigest()));
        try (Stream<Path> old = Files.list(parent)) {
            for (Path o : old.toList()) {
                String name = o.getFileName().toString();
                boolean current = o.equals(f) || o.equals(digestOf(p));
                if (!current && name.startsWith("edges-")) {
                    Files.deleteIfExists(o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + parent, e);
        }
    }

    private Path digestOf(Partition p) {
        return dir.resolve(HourPartitions.bucket(p.slot()))
                .resolve("edges-" + p.fingerprint() + ".digest");
    }

    private Path fileOf(Partition p) {
        return dir.resolve(HourPartitions.bucket(p.slot()))
                .resolve("edges-" + p.fingerprint() + ".json");
    }
}
