package io.controlautogeneracion.pipelines.batch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's Druid task templates from wherever the tests run (the module directory or a
 * per-build working directory below it).
 */
public final class ProjectFiles {
    private ProjectFiles() {}

    public static Path tasksDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tasks = dir.resolve("druid").resolve("tasks");
            if (Files.exists(tasks.resolve("panel_report.json"))) {
                return tasks;
            }
        }
        throw new IllegalStateException("no druid/tasks above " + Path.of("").toAbsolutePath());
    }
}
