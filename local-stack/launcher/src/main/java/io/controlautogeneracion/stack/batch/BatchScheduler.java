package io.controlautogeneracion.stack.batch;

import io.controlautogeneracion.stack.StackConfig;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.parts.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hourly batch of the local stack for every closed hour not processed yet, within the
 * catch-up bound. An hour is due once the landing job has closed every topic's partition of it and,
 * for the hour just ended, once minute {@code hourly-batch.delay.minutes} of the next hour has
 * come. Older hours that close later (a back-fill: they close one after another as its event time
 * advances) run together once closing has paused for {@code hourly-batch.settle.seconds}. Checked
 * every minute; a run that fails is tried again at the next check; re-running an hour replaces its
 * rows.
 */
public final class BatchScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SUCCESS = "_SUCCESS";
    private static final DateTimeFormatter PARTITION =
            DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hour='HH").withZone(ZoneOffset.UTC);

    private final StackContext ctx;
    private final Clock clock;
    private final Duration delay;
    private final Duration catchUp;
    private final Duration settle;
    private final Path landing;
    private final Path done;

    BatchScheduler(StackContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        this.delay =
                Duration.ofMinutes(Long.parseLong(ctx.config().get("hourly-batch.delay.minutes")));
        this.catchUp =
                Duration.ofHours(Long.parseLong(ctx.config().get("hourly-batch.catch-up.hours")));
        this.settle =
                Duration.ofSeconds(Long.parseLong(ctx.config().get("hourly-batch.settle.seconds")));
        this.landing = Services.landingDir(ctx);
        this.done = ctx.partDir("hourly-batch").resolve("hours-done");
    }

    public static void main(String[] args) throws InterruptedException {
        BatchScheduler scheduler =
                new BatchScheduler(new StackContext(StackConfig.load()), Clock.systemUTC());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "hourly-batch-stop"));
        timer.scheduleWithFixedDelay(scheduler::runOnce, 0, 1, TimeUnit.MINUTES);
        LOG.info(
                "hourly batch scheduled at minute {} of every hour (closed hours checked every"
                        + " minute)",
                scheduler.delay.toMinutes());
        stopped.await();
        timer.shutdownNow();
    }

    /** The hours to run now (closed, not done, settled), as a range and its hours. */
    Due due() {
        Instant now = clock.instant();
        Instant lastScheduled = now.minus(delay).truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        Set<Instant> doneHours = doneHours();
        List<Instant> hours = new ArrayList<>();
        long newestClose = Long.MIN_VALUE;
        for (Instant h = now.truncatedTo(ChronoUnit.HOURS).minus(catchUp);
                !h.isAfter(lastScheduled);
                h = h.plus(HOUR)) {
            if (doneHours.contains(h)) {
                continue;
            }
            long closedAt = closedAt(h);
            if (closedAt != Long.MIN_VALUE) {
                hours.add(h);
                newestClose = Math.max(newestClose, closedAt);
            }
        }
        if (hours.isEmpty()) {
            return new Due(List.of());
        }
        boolean settled =
                hours.get(hours.size() - 1).equals(lastScheduled)
                        || now.toEpochMilli() - newestClose >= settle.toMillis();
        return new Due(settled ? hours : List.of());
    }

    /**
     * Closed hours to run, in order; the batch runs each stretch of consecutive hours as a range.
     */
    record Due(List<Instant> hours) {
        boolean isEmpty() {
            return hours.isEmpty();
        }

        /**
         * The stretches of consecutive hours: a range never spans an hour that is done, still open
         * or without data.
         */
        List<Due> runs() {
            List<Due> runs = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= hours.size(); i++) {
                if (i == hours.size() || !hours.get(i).equals(hours.get(i - 1).plus(HOUR))) {
                    runs.add(new Due(List.copyOf(hours.subList(start, i))));
                    start = i;
                }
            }
            return runs;
        }

        Instant from() {
            return hours.get(0);
        }

        Instant to() {
            return hours.get(hours.size() - 1).plus(HOUR);
        }
    }

    /**
     * When the hour's last topic partition was closed, or MIN_VALUE when it has no partition or a
     * partition still open (its readings may still come).
     */
    private long closedAt(Instant hour) {
        long newest = Long.MIN_VALUE;
        try (Stream<Path> topics =
                Files.isDirectory(landing) ? Files.list(landing) : Stream.empty()) {
            for (Path topic : topics.toList()) {
                Path partition = topic.resolve(PARTITION.format(hour));
                if (!Files.isDirectory(partition)) {
                    continue;
                }
                Path marker = partition.resolve(SUCCESS);
                if (!Files.exists(marker)) {
                    return Long.MIN_VALUE;
                }
                newest = Math.max(newest, Files.getLastModifiedTime(marker).toMillis());
            }
        } catch (IOException e) {
            LOG.warn("cannot read the landing partitions of {}: {}", hour, e.toString());
            return Long.MIN_VALUE;
        }
        return newest;
    }

    void runOnce() {
        for (Due run : due().runs()) {
            if (!run(run)) {
                return;
            }
        }
    }

    /** Runs one stretch of hours; false when it failed (it runs again at the next check). */
    private boolean run(Due due) {
        List<String> command =
                HourlyBatchCommand.build(
                        ctx, List.of("--from", due.from().toString(), "--to", due.to().toString()));
        try {
            LOG.info(
                    "running the hourly batch for [{}, {}): {} closed hours",
                    due.from(),
                    due.to(),
                    due.hours().size());
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit == 0) {
                markDone(due.hours());
                return true;
            }
            LOG.warn(
                    "the hourly batch for [{}, {}) failed (exit {}); it runs again at the next"
                            + " check",
                    due.from(),
                    due.to(),
                    exit);
        } catch (IOException e) {
            LOG.warn("the hourly batch could not run: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private Set<Instant> doneHours() {
        Set<Instant> hours = new TreeSet<>();
        if (!Files.isRegularFile(done)) {
            return hours;
        }
        try {
            for (String line : Files.readAllLines(done)) {
                if (!line.isBlank()) {
                    hours.add(Instant.parse(line.trim()));
                }
            }
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("cannot read {} ({}): hours in the catch-up window run again", done, e);
        }
        return hours;
    }

    /** Adds the hours to the done list, forgetting those older than the catch-up window. */
    private void markDone(List<Instant> hours) throws IOException {
        Instant oldest = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(catchUp);
        Set<Instant> all = doneHours();
        all.addAll(hours);
        all.removeIf(h -> h.isBefore(oldest));
        Files.createDirectories(done.getParent());
        Files.write(done, all.stream().map(Instant::toString).toList());
    }
}
