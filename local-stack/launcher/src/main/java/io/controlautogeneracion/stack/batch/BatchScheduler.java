package io.controlautogeneracion.stack.batch;

import io.controlautogeneracion.stack.StackConfig;
import io.controlautogeneracion.stack.StackContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hourly batch of the local stack every hour, a few minutes after the landing job closes
 * the previous hour, for every closed hour not processed yet (catching up after a stop, up to a
 * bound). A run that fails is tried again at the next tick; re-running an hour replaces its rows.
 */
public final class BatchScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);

    private final StackContext ctx;
    private final Clock clock;
    private final Duration delay;
    private final Duration catchUp;
    private final Path state;

    BatchScheduler(StackContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
        this.delay =
                Duration.ofMinutes(Long.parseLong(ctx.config().get("hourly-batch.delay.minutes")));
        this.catchUp =
                Duration.ofHours(Long.parseLong(ctx.config().get("hourly-batch.catch-up.hours")));
        this.state = ctx.partDir("hourly-batch").resolve("last-hour-done");
    }

    public static void main(String[] args) throws InterruptedException {
        BatchScheduler scheduler =
                new BatchScheduler(new StackContext(StackConfig.load()), Clock.systemUTC());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "hourly-batch-stop"));
        timer.execute(scheduler::runOnce);
        Instant now = Instant.now();
        Instant first = now.truncatedTo(ChronoUnit.HOURS).plus(scheduler.delay);
        if (!first.isAfter(now)) {
            first = first.plus(Duration.ofHours(1));
        }
        timer.scheduleAtFixedRate(
                scheduler::runOnce,
                Duration.between(now, first).toMillis(),
                Duration.ofHours(1).toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("hourly batch scheduled at minute {} of every hour", scheduler.delay.toMinutes());
        stopped.await();
        timer.shutdownNow();
    }

    /**
     * The hours to run now: after the last one done (or the catch-up bound), up to the last closed.
     */
    Range due() {
        Instant lastClosed =
                clock.instant()
                        .minus(delay)
                        .truncatedTo(ChronoUnit.HOURS)
                        .minus(Duration.ofHours(1));
        Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(catchUp);
        Instant done = lastDone();
        if (done != null && done.plus(Duration.ofHours(1)).isAfter(from)) {
            from = done.plus(Duration.ofHours(1));
        }
        return new Range(from, lastClosed.plus(Duration.ofHours(1)));
    }

    /** A range of UTC hours, end exclusive. */
    record Range(Instant from, Instant to) {
        boolean isEmpty() {
            return !from.isBefore(to);
        }
    }

    void runOnce() {
        Range range = due();
        if (range.isEmpty()) {
            return;
        }
        List<String> command =
                HourlyBatchCommand.build(
                        ctx,
                        List.of("--from", range.from().toString(), "--to", range.to().toString()));
        try {
            LOG.info("running the hourly batch for [{}, {})", range.from(), range.to());
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit == 0) {
                Files.writeString(state, range.to().minus(Duration.ofHours(1)).toString());
            } else {
                LOG.warn(
                        "the hourly batch for [{}, {}) failed (exit {}); it runs again at the next"
                                + " tick",
                        range.from(),
                        range.to(),
                        exit);
            }
        } catch (IOException e) {
            LOG.warn("the hourly batch could not run: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant lastDone() {
        try {
            return Files.isRegularFile(state)
                    ? Instant.parse(Files.readString(state).trim())
                    : null;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
