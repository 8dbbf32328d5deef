package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.pipelines.JobParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.util.SerializedThrowable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of the hourly batch, the same in the local stack and in production (SPEC §6,
 * "Late data, corrections and scheduling"). Every check it reports each closed hour within the
 * horizon that is due, oldest first: never reported, changed since (a late reading landed, a
 * neighbouring hour's edge readings moved), marked dirty by a run (a counter gap found to cross
 * it), or failed and past its backoff. Consecutive due hours run together as one range; a failure
 * is recorded with a backoff that doubles up to a bound, and logged, and counted in {@link
 * SchedulerMetrics}. Everything it knows lives in the {@link HourLedger}, so a restart picks up
 * where it stopped. Hours whose partitions are still open wait; so do hours that changed less than
 * the settle time ago (a back-fill closes hours one after another: they run together once it
 * pauses); the others go on. A stretch that keeps failing is halved at each attempt, down to the
 * hour that fails.
 */
public final class BatchScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);
    private static final Duration HOUR = Duration.ofHours(1);

    /** Runs the batch over a range; throws when it failed. */
    public interface Runner {
        void run(HourRange range) throws Exception;
    }

    private final SchedulerSettings settings;
    private final HourLedger ledger;
    private final HourInputs inputs;
    private final Runner runner;
    private final Clock clock;
    private final SchedulerMetrics metrics;

    public BatchScheduler(
            SchedulerSettings settings, Runner runner, Clock clock, SchedulerMetrics metrics) {
        this.settings = settings;
        this.ledger = new HourLedger(settings.batch().stateDir());
        this.inputs =
                new HourInputs(
                        settings.batch().landingDir(),
                        settings.batch().stateDir(),
                        settings.batch().panelTopic(),
                        settings.batch().lightTopic(),
                        new LandedLines(clock));
        this.runner = runner;
        this.clock = clock;
        this.metrics = metrics;
    }

    public static void main(String[] args) throws Exception {
        JobParameters p = new JobParameters(args, System.getenv(), "BATCH");
        SchedulerSettings settings;
        try {
            settings = SchedulerSettings.from(p);
        } catch (JobParameters.BadParameter e) {
            e.exit("hourly batch scheduler");
            return;
        }
        SchedulerMetrics metrics = new SchedulerMetrics();
        BatchScheduler scheduler =
                new BatchScheduler(
                        settings, new ProcessRunner(args, settings), Clock.systemUTC(), metrics);
        if (settings.once()) {
            scheduler.pass();
            return;
        }
        Optional<AutoCloseable> server =
                metrics.serve(settings.metricsHost(), settings.metricsPort());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(stopped::countDown, "batch-scheduler-stop"));
        timer.scheduleWithFixedDelay(
                scheduler::passSafely, 0, settings.check().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "hourly batch scheduled: closed hours of the last {} checked every {}, state in {}",
                settings.horizon(),
                settings.check(),
                settings.batch().stateDir());
        stopped.await();
        timer.shutdownNow();
        if (server.isPresent()) {
            server.get().close();
        }
    }

    private void passSafely() {
        try {
            pass();
        } catch (Throwable e) {
            // One bad check (an unreadable partition, a full disk, an error) must not end the
            // schedule: an exception out of a fixed-delay task would cancel every later check.
            LOG.error("hourly batch check failed; trying again at the next check", e);
        }
    }

    /**
     * What a check found: the hours due now, and those still open, waiting for a retry, or changed
     * too recently (settling).
     */
    public record Due(List<Instant> hours, int open, int waiting, int settling) {}

    /**
     * One check: runs every due stretch, oldest first, until nothing is due or the bound of runs
     * per check is reached (a failed stretch is not due until its backoff has passed). Returns the
     * number of runs that succeeded.
     */
    public int pass() {
        Instant oldest = horizonStart(clock.instant());
        // Hours past the horizon are no longer watched: the ledger forgets them (and their gaps).
        ledger.update(oldest, state -> {});
        int done = 0;
        for (int i = 0; i < settings.maxRunsPerCheck(); i++) {
            Due due = due();
            metrics.due(due.hours().size(), due.waiting());
            if (due.hours().isEmpty()) {
                break;
            }
            HourRange stretch = firstStretch(due.hours(), stretchBound(due.hours().get(0)));
            // A failed stretch waits for its backoff; the hours after it go on.
            if (run(stretch)) {
                done++;
            }
        }
        metrics.ledger(ledger.read());
        return done;
    }

    private Instant horizonStart(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(settings.horizon());
    }

    /**
     * The longest stretch to run from {@code first}: halved after each failure of it, so a stretch
     * that keeps failing narrows down to the hour that fails.
     */
    private int stretchBound(Instant first) {
        HourLedger.Hour h = ledger.read().hours().get(first);
        int failures = h == null || h.status() != HourLedger.Status.FAILED ? 0 : h.attempts();
        return Math.max(1, settings.maxHoursPerRun() >> Math.min(30, failures));
    }

    /** The closed hours due now, oldest first. */
    public Due due() {
        Instant now = clock.instant();
        Instant newest = now.truncatedTo(ChronoUnit.HOURS).minus(HOUR);
        Instant oldest = horizonStart(now);
        Map<Instant, HourLedger.Hour> known = ledger.read().hours();
        inputs.fresh();
        List<Instant> hours = new ArrayList<>();
        int open = 0;
        int waiting = 0;
        int settling = 0;
        for (Instant h = oldest; !h.isAfter(newest); h = h.plus(HOUR)) {
            Optional<Partition> panel = inputs.panel(h);
            Optional<Partition> light = inputs.light(h);
            if (panel.isEmpty() && light.isEmpty()) {
                continue;
            }
            if (panel.map(p -> !p.closed()).orElse(false)
                    || light.map(p -> !p.closed()).orElse(false)) {
                open++;
                continue;
            }
            HourLedger.Hour recorded = known.get(h);
            boolean due;
            if (recorded == null || recorded.status() == HourLedger.Status.DIRTY) {
                due = true;
            } else if (recorded.status() == HourLedger.Status.FAILED) {
                due = !recorded.nextAttempt().isAfter(now);
                if (!due) {
                    waiting++;
                }
            } else {
                due = HourInputs.changed(recorded, inputs.now(h, now));
            }
            if (!due) {
                continue;
            }
            if (now.toEpochMilli() - changedAt(panel, light) < settings.settle().toMillis()) {
                // Still changing (a back-fill closing hour after hour, an upload under way).
                settling++;
            } else {
                hours.add(h);
            }
        }
        return new Due(hours, open, waiting, settling);
    }

    /** The first run of consecutive due hours, at most {@code max} of them. */
    static HourRange firstStretch(List<Instant> hours, int max) {
        Instant from = hours.get(0);
        Instant to = from.plus(HOUR);
        for (int i = 1; i < hours.size() && i < max; i++) {
            if (!hours.get(i).equals(to)) {
                break;
            }
            to = to.plus(HOUR);
        }
        return new HourRange(from, to);
    }

    private boolean run(HourRange range) {
        LOG.info("running the hourly batch for {} ({} h)", range, range.hours());
        long start = System.nanoTime();
        try {
            runner.run(range);
            metrics.ran(true, (System.nanoTime() - start) / 1e9);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            metrics.ran(false, (System.nanoTime() - start) / 1e9);
            String why = reason(e);
            ledger.fail(
                    range.slots(),
                    why,
                    clock.instant(),
                    settings.firstBackoff(),
                    settings.maxBackoff());
            HourLedger.Hour after = ledger.read().hours().get(range.from());
            LOG.warn(
                    "the hourly batch for {} failed (attempt {}): {}; tried again from {}",
                    range,
                    after.attempts(),
                    why,
                    after.nextAttempt());
            return false;
        }
    }

    /**
     * Why a run failed, in a line: the message of the batch's own exception in the chain (it says
     * what the run could not do), else of the deepest cause.
     */
    static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean ours =
                    t instanceof BatchException
                            // Flink carries a job's exceptions back as serialised copies.
                            || (t instanceof SerializedThrowable s
                                    && BatchException.class
                                            .getName()
                                            .equals(s.getOriginalErrorClassName()));
            if (ours) {
                String m = String.valueOf(t.getMessage());
                String prefix = BatchException.class.getName() + ": ";
                return bounded(m.startsWith(prefix) ? m.substring(prefix.length()) : m);
            }
            deepest = t;
        }
        return bounded(deepest.getClass().getSimpleName() + ": " + deepest.getMessage());
    }

    /** A reason short enough for a log line and the ledger. */
    private static String bounded(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 299) + "…";
    }

    /** When the hour's partitions last changed (a file landed or the hour was closed). */
    private static long changedAt(Optional<Partition> panel, Optional<Partition> light) {
        long newest = Long.MIN_VALUE;
        for (Optional<Partition> p : List.of(panel, light)) {
            if (p.isEmpty()) {
                continue;
            }
            try {
                newest =
                        Math.max(
                                newest,
                                Files.getLastModifiedTime(p.get().directory().resolve("_SUCCESS"))
                                        .toMillis());
                for (Path f : p.get().files()) {
                    newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                }
            } catch (IOException e) {
                // A file removed meanwhile: the next check sees the partition as it is then.
            }
        }
        return newest;
    }
}
