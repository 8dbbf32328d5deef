package io.controlautogeneracion.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint a previous run retained under a checkpoint directory ({@code
 * <dir>/<job-id>/chk-<n>/_metadata}), so a job started again resumes where it stopped.
 */
public final class LatestCheckpoint {
    private LatestCheckpoint() {}

    public static Optional<Path> in(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDir, 3, LatestCheckpoint::isMetadata)) {
            // Newest by write time: checkpoint numbers restart at 1 in every new job.
            return files.max(
                            Comparator.comparing(LatestCheckpoint::modified)
                                    .thenComparing(LatestCheckpoint::number))
                    .map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + checkpointDir, e);
        }
    }

    private static boolean isMetadata(Path p, java.nio.file.attribute.BasicFileAttributes a) {
        return a.isRegularFile()
                && p.getFileName().toString().equals("_metadata")
                && p.getParent().getFileName().toString().startsWith("chk-");
    }

    private static long number(Path metadata) {
        return Long.parseLong(metadata.getParent().getFileName().toString().substring(4));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
