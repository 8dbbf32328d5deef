package io.controlautogeneracion.pipelines.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The on-disk layout the landing job writes and the hourly batch jobs read: {@code
 * <dir>/<topic>/dt=YYYY-MM-DD/hour=HH/} per UTC event hour, closed by a {@value #SUCCESS} marker
 * once no more readings can arrive for it.
 */
public final class HourPartitions {
    /** Written into a partition when it is complete. */
    public static final String SUCCESS = "_SUCCESS";

    private static final DateTimeFormatter PATH =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH").withZone(ZoneOffset.UTC);

    private HourPartitions() {}

    /** {@code dt=YYYY-MM-DD/hour=HH} of the UTC hour containing {@code t}. */
    public static String bucket(Instant t) {
        return PATH.format(t);
    }

    /** The directory of one topic's hour. */
    public static Path directory(Path base, String topic, Instant slot) {
        return base.resolve(topic).resolve(bucket(slot));
    }

    /** True when the hour's partition has its success marker. */
    public static boolean isClosed(Path base, String topic, Instant slot) {
        return Files.exists(directory(base, topic, slot).resolve(SUCCESS));
    }

    /** Writes the success marker (idempotent). */
    public static void close(Path partition) {
        try {
            Files.createDirectories(partition);
            Path marker = partition.resolve(SUCCESS);
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + partition + " closed", e);
        }
    }
}
