package io.controlautogeneracion.pipelines.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one directory of JSON-lines rows into a Druid datasource with the task template {@code
 * <tasks-dir>/<datasource>.json}: an {@code index_parallel} task with hourly segments that replaces
 * the run's interval ({@code appendToExisting=false}, {@code dropExisting=true}), so a re-run gives
 * the same rows and an hour that now has none is emptied.
 */
public final class DruidLoad {
    private static final Logger LOG = LoggerFactory.getLogger(DruidLoad.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final DruidGateway druid;
    private final Path tasksDir;
    private final Duration timeout;
    private final int subTasks;

    public DruidLoad(DruidGateway druid, Path tasksDir, Duration timeout, int subTasks) {
        this.druid = druid;
        this.tasksDir = tasksDir;
        this.timeout = timeout;
        this.subTasks = subTasks;
    }

    /**
     * Replaces {@code range} of {@code datasource} with the rows of {@code *.json} in {@code dir}.
     */
    public void replace(String datasource, HourRange range, Path dir) {
        String task =
                render(
                        read(tasksDir.resolve(datasource + ".json")),
                        Map.of(
                                "INTERVAL", range.interval(),
                                "BASE_DIR", dir.toAbsolutePath().toString(),
                                "SUBTASKS", Integer.toString(subTasks)));
        String id = druid.submitTask(task);
        LOG.info("druid task {} replaces {} of {} from {}", id, range, datasource, dir);
        druid.awaitTaskSuccess(id, timeout);
    }

    /**
     * Writes {@code rows} as JSON lines under {@code workDir/<datasource>/<range>} and replaces
     * {@code range} of {@code datasource} with them (none empties the range).
     */
    public void replaceWith(String datasource, HourRange range, Path workDir, List<?> rows) {
        Path dir =
                workDir.resolve(datasource)
                        .resolve(
                                range.from().toString().replace(':', '-')
                                        + "_"
                                        + range.hours()
                                        + "h");
        replace(datasource, range, RowFiles.write(dir, "rows.json", rows));
    }

    /** Fills {@code ${KEY}} placeholders; an unknown key is an error. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new BatchException("task template uses ${" + m.group(1) + "}, not set");
            }
            // Paths go inside a JSON string: escape what JSON would not accept.
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task template " + file, e);
        }
    }
}
