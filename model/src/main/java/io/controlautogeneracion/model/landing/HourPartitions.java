package io.controlautogeneracion.model.landing;

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

    /** Every hour that has a partition of {@code topic}, in order. */
    public static java.util.List<Instant> slots(Path base, String topic) {
        java.util.List<Instant> slots = new java.util.ArrayList<>();
        Path dir = base.resolve(topic);
        if (!Files.isDirectory(dir)) {
            return slots;
        }
        try (java.util.stream.Stream<Path> days = Files.list(dir)) {
            for (Path day : days.sorted().toList()) {
                try (java.util.stream.Stream<Path> hours = Files.list(day)) {
                    for (Path hour : hours.sorted().toList()) {
                        String bucket = day.getFileName() + "/" + hour.getFileName();
                        try {
                            slots.add(Instant.from(PATH.parse(bucket)));
                        } catch (java.time.format.DateTimeParseException e) {
                            // Not a partition (a stray file or folder): ignored.
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the partitions of " + dir, e);
        }
        return slots;
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
