package io.controlautogeneracion.pipelines.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes Druid rows (the model's row records) as JSON lines into a fresh directory that a load task
 * then reads; a previous attempt's files are removed first so a re-run loads only its own rows.
 */
public final class RowFiles {
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private RowFiles() {}

    public static Path write(Path dir, String fileName, Collection<?> rows) {
        clean(dir);
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Object row : rows) {
                    out.write(WRITER.writeValueAsString(row));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rows to " + file, e);
        }
        return dir;
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
