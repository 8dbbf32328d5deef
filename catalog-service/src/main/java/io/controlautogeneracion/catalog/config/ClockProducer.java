package io.controlautogeneracion.catalog.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * "Now" for the service (the relation valid when no {@code at} is given, the age of a pending
 * install): one clock, UTC, so a test can place the service at any instant, a midnight or a move.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
