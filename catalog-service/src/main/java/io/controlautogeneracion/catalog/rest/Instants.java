package io.controlautogeneracion.catalog.rest;

import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.model.time.IsoTime;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code at} query parameter: an ISO-8601 instant or date; absent means the clock's now. */
public final class Instants {
    private Instants() {}

    public static Instant orNow(String at, Clock clock) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return IsoTime.parseInstantOrDate(at);
        } catch (DateTimeParseException e) {
            throw CatalogException.badRequest("at must be an ISO-8601 instant or date: " + at);
        }
    }
}
