package io.controlautogeneracion.pipelines;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;

/**
 * How a streaming job survives failures (SPEC §8): it restarts for as long as failures last, with
 * exponentially growing delays and no lifetime budget, and a few failed checkpoints in a row do not
 * fail it at all.
 *
 * @param initialDelay the delay before the first restart after a quiet spell
 * @param maxDelay the longest delay between two restarts
 * @param tolerableCheckpointFailures consecutive failed checkpoints tolerated before the job
 *     restarts (one that completes resets the count)
 */
public record JobRestarts(Duration initialDelay, Duration maxDelay, int tolerableCheckpointFailures)
        implements Serializable {

    /** A job that ran this long since its last failure starts again from the initial delay. */
    static final Duration RESET_AFTER = Duration.ofMinutes(10);

    public JobRestarts {
        if (initialDelay.isNegative()
                || initialDelay.isZero()
                || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < restart.initial-delay <= restart.max-delay, got "
                            + initialDelay
                            + " and "
                            + maxDelay);
        }
        if (tolerableCheckpointFailures < 0) {
            throw new IllegalArgumentException(
                    "checkpoint.tolerable-failures must not be negative: "
                            + tolerableCheckpointFailures);
        }
    }

    /**
     * {@code --restart.initial-delay} (1 s), {@code --restart.max-delay} (1 min), {@code
     * --checkpoint.tolerable-failures} (10).
     */
    public static JobRestarts from(JobParameters p) {
        return new JobRestarts(
                p.getDuration("restart.initial-delay", Duration.ofSeconds(1)),
                p.getDuration("restart.max-delay", Duration.ofMinutes(1)),
                p.getInt("checkpoint.tolerable-failures", 10));
    }

    public void configure(Configuration conf) {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                initialDelay);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, maxDelay);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                RESET_AFTER.compareTo(maxDelay) > 0 ? RESET_AFTER : maxDelay.multipliedBy(2));
        // No budget: a broker or store that is away for a day gets a restart every maxDelay for
        // a day. Flink's bound on attempts only counts since the last reset; this is its largest.
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                Integer.MAX_VALUE);
        conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailures);
    }
}
