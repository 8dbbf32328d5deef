package io.controlautogeneracion.catalog.validation;

import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.model.catalog.CatalogIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small checks shared by the catalog rules; each records a violation and returns itself. */
final class Rules {
    private static final int MAX_TEXT = 200;

    private final List<Violation> violations = new ArrayList<>();

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    void addAll(List<Violation> more) {
        violations.addAll(more);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    Rules require(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    Rules id(String field, String value) {
        if (!CatalogIds.isValid(value)) {
            add(field, "must match " + CatalogIds.ID_REGEX);
        }
        return this;
    }

    Rules text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            add(field, "must be at most " + MAX_TEXT + " characters");
        }
        return this;
    }

    Rules notBefore(String field, LocalDate value, String other, LocalDate floor) {
        if (value != null && floor != null && value.isBefore(floor)) {
            add(field, "must not be before " + other);
        }
        return this;
    }

    Rules range(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            add(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
        return this;
    }

    Rules positive(String field, Double value) {
        if (value != null && value <= 0) {
            add(field, "must be greater than 0");
        }
        return this;
    }

    Rules nonNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative");
        }
        return this;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
