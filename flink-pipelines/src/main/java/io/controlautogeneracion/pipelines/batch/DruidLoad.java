package io.controlautogeneracion.pipelines.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one directory of JSON-lines rows into a Druid datasource with the task template {@code
 * <tasks-dir>/<datasource>.json}: an {@code index_parallel} task that replaces exactly the given
 * intervals ({@code appendToExisting=false}, {@code dropExisting=true}), so a re-run gives the same
 * rows, an interval that now has none is emptied, and an hour outside them is left as it was. A run
 * that reads rows back first waits until Druid serves them ({@link DruidGateway#awaitServed}).
 *
 * <p>A task's directory of rows is deleted once the task has succeeded (Druid then holds the rows);
 * the rows of a task that failed, or was not waited for, stay for whoever looks into it, and a run
 * of the same hours writes them again.
 */
public final class DruidLoad {
    private static final Logger LOG = LoggerFactory.getLogger(DruidLoad.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    /** Segment granularities a load can use. */
    public enum Granularity {
        HOUR,
        DAY;

        /**
         * Day segments for intervals of whole UTC days longer than two days (a back-fill: far fewer
         * segments to build, publish and load), else hour segments. A day segment holds its whole
         * day; an hour segment a later run loads over it wins for its hour.
         */
        public static Granularity fitting(List<HourRange> intervals) {
            long hours = 0;
            for (HourRange r : intervals) {
                if (!r.from().equals(r.from().truncatedTo(ChronoUnit.DAYS))
                        || !r.to().equals(r.to().truncatedTo(ChronoUnit.DAYS))) {
                    return HOUR;
                }
                hours += r.hours();
            }
            return hours > DAY_SEGMENTS_FROM_HOURS ? DAY : HOUR;
        }
    }

    /** Above two days of hours a load of whole days is made of day segments. */
    public static final int DAY_SEGMENTS_FROM_HOURS = 48;

    private final DruidGateway druid;
    private final Path tasksDir;
    private final Duration timeout;
    private final Map<String, Path> inputs = new ConcurrentHashMap<>();
    private final int subTasks;

    public DruidLoad(DruidGateway druid, Path tasksDir, Duration timeout, int subTasks) {
        this.druid = druid;
        this.tasksDir = tasksDir;
        this.timeout = timeout;
        this.subTasks = subTasks;
    }

    /**
     * Replaces {@code intervals} of {@code datasource} with the rows of {@code *.json} in {@code
     * dir}; nothing to do without intervals.
     */
    public void replace(
            String datasource, List<HourRange> intervals, Granularity granularity, Path dir) {
        await(submit(datasource, intervals, granularity, dir));
    }

    /**
     * Submits the task that replaces {@code intervals} of {@code datasource} with the rows in
     * {@code dir} without waiting for it; its id (for {@link #await}), or null without intervals.
     */
    public String submit(
            String datasource, List<HourRange> intervals, Granularity granularity, Path dir) {
        if (intervals.isEmpty()) {
            return null;
        }
        String id = druid.submitTask(task(datasource, intervals, granularity, dir));
        LOG.info("druid task {} replaces {} of {} from {}", id, intervals, datasource, dir);
        inputs.put(id, dir);
        return id;
    }

    /**
     * Waits until the task succeeds (nothing for a null id), then deletes its rows; throws when it
     * failed.
     */
    public void await(String id) {
        if (id != null) {
            druid.awaitTaskSuccess(id, timeout);
            Path dir = inputs.remove(id);
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** A loaded directory of rows deleted; one that cannot be is left, with a warning. */
    private static void delete(Path dir) {
        try {
            FileUtils.deleteDirectory(dir.toFile());
        } catch (IOException e) {
            LOG.warn("the rows loaded from {} could not all be deleted: {}", dir, e.toString());
        }
    }

    /**
     * The task that replaces {@code intervals} of {@code datasource} with the rows in {@code dir}.
     */
    String task(String datasource, List<HourRange> intervals, Granularity granularity, Path dir) {
        return render(
                read(tasksDir.resolve(datasource + ".json")),
                Map.of(
                        "INTERVALS",
                        intervals.stream()
                                .map(r -> "\"" + r.interval() + "\"")
                                .collect(Collectors.joining(", ", "[", "]")),
                        "SEGMENT_GRANULARITY",
                        granularity.name().toLowerCase(java.util.Locale.ROOT),
                        "BASE_DIR",
                        json(dir.toAbsolutePath().toString()),
                        "SUBTASKS",
                        Integer.toString(subTasks),
                        "AWAIT_MILLIS",
                        Long.toString(timeout.toMillis())));
    }

    /**
     * Writes {@code rows} as JSON lines under {@code workDir/<datasource>/<name>} and replaces the
     * hours of {@code slots} (merged into ranges) with them (none empties those hours), in day
     * segments when the ranges are long and of whole days ({@link Granularity#fitting}).
     */
    public void replaceHours(
            String datasource, Collection<java.time.Instant> slots, Path workDir, List<?> rows) {
        await(submitHours(datasource, slots, workDir, rows));
    }

    /** {@link #replaceHours} without waiting: the task's id, or null when there are no slots. */
    public String submitHours(
            String datasource, Collection<java.time.Instant> slots, Path workDir, List<?> rows) {
        List<HourRange> intervals = HourRange.merge(slots);
        if (intervals.isEmpty()) {
            return null;
        }
        Path dir = workDir.resolve(datasource).resolve(name(intervals));
        return submit(
                datasource,
                intervals,
                Granularity.fitting(intervals),
                RowFiles.write(dir, "rows.json", rows));
    }

    /** A directory name for a load of {@code intervals}. */
    public static String name(List<HourRange> intervals) {
        HourRange first = intervals.get(0);
        HourRange last = intervals.get(intervals.size() - 1);
        return first.from().toString().replace(':', '-')
                + "_"
                + java.time.Duration.between(first.from(), last.to()).toHours()
                + "h";
    }

    /** Fills {@code ${KEY}} placeholders with the values as given; an unknown key is an error. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new BatchException("task template uses ${" + m.group(1) + "}, not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value placed inside a JSON string: escaped as JSON needs. */
    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task template " + file, e);
        }
    }
}
