package io.controlautogeneracion.pipelines.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch input of one topic over a range: a {@link FileSource} of the lines of every closed hour
 * partition. Hours without a partition have no readings; an hour not closed yet is left out with a
 * warning unless asked for, since readings may still land in it.
 */
public final class HourFiles {
    private static final Logger LOG = LoggerFactory.getLogger(HourFiles.class);

    private HourFiles() {}

    /** The hours of {@code range} whose partition is there to read (closed, unless asked). */
    public static List<Instant> slots(
            Path base, String topic, HourRange range, boolean includeOpen) {
        List<Instant> slots = new ArrayList<>();
        for (Instant slot : range.slots()) {
            if (!Files.isDirectory(HourPartitions.directory(base, topic, slot))) {
                continue;
            }
            if (!includeOpen && !HourPartitions.isClosed(base, topic, slot)) {
                LOG.warn("{} of {} is not closed yet: left out", slot, topic);
                continue;
            }
            slots.add(slot);
        }
        return slots;
    }

    /** A source of the lines of those partitions; empty when there is nothing to read. */
    public static Optional<FileSource<String>> source(
            Path base, String topic, HourRange range, boolean includeOpen) {
        return source(base, topic, slots(base, topic, range, includeOpen));
    }

    /** A source of the lines of the partitions of {@code slots}; empty when there are none. */
    public static Optional<FileSource<String>> source(
            Path base, String topic, List<Instant> slots) {
        List<Path> dirs =
                slots.stream().map(slot -> HourPartitions.directory(base, topic, slot)).toList();
        if (dirs.isEmpty()) {
            return Optional.empty();
        }
        org.apache.flink.core.fs.Path[] paths =
                dirs.stream()
                        .map(d -> new org.apache.flink.core.fs.Path(d.toUri()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        // The default filter skips "_SUCCESS" and the sink's hidden in-progress files.
        return Optional.of(
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths).build());
    }
}
