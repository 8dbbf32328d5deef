package io.controlautogeneracion.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project files these tests check: named queries, Druid specs and the Superset bundle. */
final class ProjectFiles {
    private ProjectFiles() {}

    /** The project root: {@code -Dproject.root} (set by the build), else found above here. */
    static Path root() {
        String explicit = System.getProperty("project.root");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("druid/queries"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no druid/queries above " + Path.of("").toAbsolutePath());
    }

    static Path queriesDir() {
        return root().resolve("druid/queries");
    }

    static Path supersetDir() {
        return root().resolve("superset/bundle");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files of {@code dir} whose name ends with {@code suffix}, sorted; none if it is absent. */
    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
