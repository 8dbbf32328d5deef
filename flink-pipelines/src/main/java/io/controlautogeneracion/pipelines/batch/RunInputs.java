package io.controlautogeneracion.pipelines.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of one topic a run over a range reads: those that are there and closed (an hour
 * still open is left out with a warning unless asked for, since readings may still land in it),
 * each with the fingerprint of the content read, so the run can record what it computed from.
 */
public record RunInputs(String topic, HourRange range, List<Partition> read) {
    private static final Logger LOG = LoggerFactory.getLogger(RunInputs.class);

    public static RunInputs of(Path base, String topic, HourRange range, boolean includeOpen) {
        List<Partition> read = new ArrayList<>();
        for (Instant slot : range.slots()) {
            Optional<Partition> p = Partition.of(base, topic, slot);
            if (p.isEmpty()) {
                continue;
            }
            if (!includeOpen && !p.get().closed()) {
                LOG.warn("{} of {} is not closed yet: left out", slot, topic);
                continue;
            }
            read.add(p.get());
        }
        return new RunInputs(topic, range, List.copyOf(read));
    }

    /** The hours read. */
    public List<Instant> slots() {
        return read.stream().map(Partition::slot).toList();
    }

    /** Every file read. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        read.forEach(p -> files.addAll(p.files()));
        return files;
    }

    /**
     * A source of the lines of exactly these files, in chunks of whole lines ({@link LineChunks};
     * files committed after the listing are not read: they change the fingerprint, and the hour
     * runs again); empty when there are none.
     */
    public static Optional<FileSource<byte[]>> source(List<Path> files) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        org.apache.flink.core.fs.Path[] paths =
                files.stream()
                        .map(f -> new org.apache.flink.core.fs.Path(f.toUri()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        return Optional.of(FileSource.forRecordStreamFormat(new LineChunks(), paths).build());
    }
}
