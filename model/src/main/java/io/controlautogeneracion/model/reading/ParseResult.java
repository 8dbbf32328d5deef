package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of parsing one device message: a {@link Valid} reading with the whole JSON object, or
 * an {@link Invalid} message with the reason that becomes its {@code text_alarm}.
 */
public sealed interface ParseResult {

    /** The device id when it could be extracted, else null. */
    String deviceId();

    /** The event time when it could be extracted, else null. */
    Instant eventTime();

    /**
     * The whole JSON object (unknown fields kept), or null when the payload was not an object or
     * the tree was let go ({@link #withoutMessage}).
     */
    ObjectNode message();

    /**
     * The same outcome without the JSON tree, for a caller that has kept the message in another
     * form (ingest-service writes it to BSON as soon as it is parsed: a tree takes many times the
     * bytes of its text, and a batch of messages waits for the catalog and the store).
     */
    ParseResult withoutMessage();

    /**
     * A message that passed every rule; {@code message} keeps the fields the reading ignores (null
     * only in a copy made by {@link #withoutMessage}).
     */
    record Valid(Reading reading, ObjectNode message) implements ParseResult {
        public Valid {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public Valid withoutMessage() {
            return message == null ? this : new Valid(reading, null);
        }

        @Override
        public String deviceId() {
            return reading.deviceId();
        }

        @Override
        public Instant eventTime() {
            return reading.timestamp();
        }
    }

    /**
     * A message that broke a rule. {@code reason} names the field and the rule; {@code rawText}
     * always holds the payload as text, so nothing is lost when it was not JSON.
     */
    record Invalid(
            String reason, String deviceId, Instant eventTime, ObjectNode message, String rawText)
            implements ParseResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rawText, "rawText");
        }

        @Override
        public Invalid withoutMessage() {
            return message == null ? this : new Invalid(reason, deviceId, eventTime, null, rawText);
        }
    }
}
