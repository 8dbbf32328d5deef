package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads and checks the fields of one message, remembering the first rule broken. Checks after the
 * first failure are no-ops, so the parser reads every field in one pass without exceptions and
 * reports the earliest problem (id, then timestamp, then measurements).
 */
final class FieldChecks {

    private static final int MAX_QUOTED = 40;

    private final MessageFields message;
    private String failure;

    FieldChecks(MessageFields message) {
        this.message = message;
    }

    /** The first rule broken, or null when every check passed. */
    String failure() {
        return failure;
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** A required non-blank string, or null (with a failure) when absent, blank or not a string. */
    String requiredId(String field) {
        JsonNode node = message.get(field);
        if (node == null) {
            fail("required field '" + field + "' is missing");
            return null;
        }
        if (!node.isTextual()) {
            fail("field '" + field + "' is " + describe(node) + ", expected a non-blank string");
            return null;
        }
        String id = node.textValue();
        if (id.isBlank()) {
            fail("field '" + field + "' is blank, expected a non-blank string");
            return null;
        }
        return id;
    }

    /** A required finite JSON number; NaN when the check failed. */
    double requiredNumber(String field) {
        JsonNode node = message.get(field);
        if (node == null) {
            fail("required field '" + field + "' is missing");
            return Double.NaN;
        }
        return number(field, node);
    }

    /** An optional finite JSON number; null when absent or JSON null, which mean "not sent". */
    Double optionalNumber(String field) {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return number(field, node);
    }

    void atLeastZero(String field, Double value) {
        if (value != null && value < 0) {
            fail("field '" + field + "' is " + value + ", negative values are not physical");
        }
    }

    void atMost(String field, Double value, double max) {
        if (value != null && value > max) {
            fail(
                    "field '"
                            + field
                            + "' is "
                            + value
                            + ", above the physical maximum "
                            + compact(max));
        }
    }

    void between(String field, Double value, double min, double max) {
        if (value != null && (value < min || value > max)) {
            fail(
                    "field '"
                            + field
                            + "' is "
                            + value
                            + ", outside the range "
                            + compact(min)
                            + " to "
                            + compact(max));
        }
    }

    private double number(String field, JsonNode node) {
        if (!node.isNumber()) {
            // Numeric strings such as "12.5" are rejected on purpose: a device that quotes its
            // numbers is misconfigured, and accepting them would hide that from the operator.
            fail("field '" + field + "' is " + describe(node) + ", expected a JSON number");
            return Double.NaN;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            fail("field '" + field + "' is " + value + ", expected a finite number");
            return Double.NaN;
        }
        return value;
    }

    /** A short description of a node for a reason sentence, quoting short strings. */
    static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                String text = node.textValue();
                return text.length() <= MAX_QUOTED
                        ? "the string \"" + text + "\""
                        : "a string of " + text.length() + " characters";
            case NUMBER:
                return "the number " + node.asText();
            case BOOLEAN:
                return "the boolean " + node.booleanValue();
            case NULL:
                return "null";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            default:
                return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code 200000} rather than {@code 200000.0} for whole limits; limits read as configured. */
    static String compact(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
