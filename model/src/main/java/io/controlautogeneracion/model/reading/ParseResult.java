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
     * the message went to a {@link JsonSink} instead of a tree ({@link ReadingParser.Streamed}).
     */
    ObjectNode message();

    /** The same outcome with the message's tree. */
    ParseResult withMessage(ObjectNode message);

    /**
     * A message that passed every rule; {@code message} keeps the fields the reading ignores (null
     * when it went to a {@link JsonSink}).
     */
    record Valid(Reading reading, ObjectNode message) implements ParseResult {
        public Valid {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public Valid withMessage(ObjectNode message) {
            return new Valid(reading, message);
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
        public Invalid withMessage(ObjectNode message) {
            return new Invalid(reason, deviceId, eventTime, message, rawText);
        }
    }
}
