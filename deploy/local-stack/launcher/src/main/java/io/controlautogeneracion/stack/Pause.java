package io.controlautogeneracion.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait of the local stack goes through here and has a deadline. */
public final class Pause {
    private Pause() {}

    /**
     * Polls {@code condition} every {@code interval} until it holds or {@code timeout} passes.
     *
     * @return whether the condition held before the deadline
     */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(interval.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new StackException("interrupted while waiting");
            }
        }
    }
}
