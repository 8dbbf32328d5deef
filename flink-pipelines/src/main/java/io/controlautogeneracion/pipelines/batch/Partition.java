package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.landing.HourPartitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One topic's landed hour partition as it is now: the committed files in it (the landing sink's
 * in-progress files are hidden and left out), whether the landing job has closed it, and a
 * fingerprint of its content (file names and sizes: committed files never change, so a late reading
 * landed into a closed hour changes the fingerprint).
 */
public record Partition(
        String topic,
        Instant slot,
        Path directory,
        List<Path> files,
        boolean closed,
        String fingerprint) {

    /** The partition of {@code topic}'s hour {@code slot}, if the landing job wrote one. */
    public static Optional<Partition> of(Path base, String topic, Instant slot) {
        Path dir = HourPartitions.directory(base, topic, slot);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path f : listing.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(f)) {
                    continue;
                }
                files.add(f);
                content.append(name).append(' ').append(Files.size(f)).append('\n');
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the partition " + dir, e);
        }
        return Optional.of(
                new Partition(
                        topic,
                        slot,
                        dir,
                        List.copyOf(files),
                        HourPartitions.isClosed(base, topic, slot),
                        digest(content.toString())));
    }

    /** A short SHA-256 digest of {@code text}, for fingerprints. */
    public static String digest(String text) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
