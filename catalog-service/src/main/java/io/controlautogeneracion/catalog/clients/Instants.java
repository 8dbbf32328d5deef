package io.controlautogeneracion.catalog.clients;

import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.model.catalog.CatalogDates;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code at} query parameter: an ISO-8601 instant or date; absent means now. */
public final class Instants {
    private Instants() {}

    public static Instant orNow(String at) {
        if (at == null || at.isBlank()) {
            return Instant.now();
        }
        try {
            return CatalogDates.parseInstant(at);
        } catch (DateTimeParseException e) {
            throw CatalogException.badRequest("at must be an ISO-8601 instant or date: " + at);
        }
    }
}
