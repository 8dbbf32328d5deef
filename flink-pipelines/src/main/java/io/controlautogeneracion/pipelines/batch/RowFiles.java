package io.controlautogeneracion.pipelines.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.apache.flink.util.FileUtils;

/**
 * Writes Druid rows (the model's row records) as JSON lines into a fresh directory that a load task
 * then reads; a previous attempt's files are removed first so a re-run loads only its own rows.
 * Also writes the batch's own small files whole or not at all.
 */
public final class RowFiles {
    // One row a line, encoded straight to the file's bytes; flushed when the buffer is full.
    private static final ObjectWriter WRITER =
            new ObjectMapper()
                    .writer()
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                    .withRootValueSeparator("\n");

    private RowFiles() {}

    public static Path write(Path dir, String fileName, Collection<?> rows) {
        try (Writer out = open(dir, fileName)) {
            rows.forEach(out::write);
        }
        return dir;
    }

    /** A fresh {@code dir} with {@code fileName} open for rows written one by one. */
    public static Writer open(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try {
            FileUtils.deleteDirectory(dir.toFile());
            Files.createDirectories(dir);
            return new Writer(
                    file,
                    WRITER.writeValues(
                            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rows to " + file, e);
        }
    }

    /** Rows written one at a time, for loads too large to hold in memory. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final SequenceWriter out;
        private long rows;

        private Writer(Path file, SequenceWriter out) {
            this.file = file;
            this.out = out;
        }

        public void write(Object row) {
            try {
                out.write(row);
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rows to " + file, e);
            }
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rows to " + file, e);
            }
        }
    }

    /**
     * Writes {@code lines} to {@code file} atomically: into a temporary file beside it, then moved
     * into place, so a reader never sees half a file.
     */
    public static void writeLines(Path file, Collection<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
