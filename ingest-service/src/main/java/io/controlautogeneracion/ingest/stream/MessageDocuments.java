package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.JsonToBson;
import io.controlautogeneracion.model.reading.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Maps a parsed message to its MongoDB document: {@code topic} for a valid reading, {@code
 * topic_alarm} (with {@code text_alarm}) for an invalid one. When the message is no JSON object
 * that can be stored as it is, {@code msg_value} is its raw text, cut to a bounded size and marked
 * so ({@code msg_value_cut}). The ingest {@code timestamp} is stamped separately, at each write
 * attempt, by {@link #stamp}.
 */
public final class MessageDocuments {

    public static final String TOPIC_ID = "topic_id";
    public static final String TIMESTAMP = "timestamp";
    public static final String MSG_VALUE = "msg_value";
    public static final String MSG_VALUE_CUT = "msg_value_cut";
    public static final String DEVICE_ID = "device_id";
    public static final String EVENT_TIME = "event_time";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    public static final String TEXT_ALARM = "text_alarm";

    // The enrichment valid at the event time (SPEC §4), null where the catalog knows nothing.
    public static final String CLIENT_ID = "client_id";
    public static final String NAME = "name";
    public static final String APELL_1 = "apell_1";
    public static final String APELL_2 = "apell_2";
    public static final String ADDRESS = "address";
    public static final String POSTAL_CODE = "postal_code";
    public static final String MODEL = "model";
    public static final String MANUFACTURE_DATE = "manufacture_date";
    public static final String INSTALL_DATE = "install_date";
    public static final String ENRICHMENT_STATUS = "enrichment_status";

    /** Fingerprint of the enrichment fields, for the background pass (absent: enrich again). */
    public static final String ENRICHMENT_REV = "enrichment_rev";

    private static final int MAX_REASON = 500;

    private MessageDocuments() {}

    /**
     * The document of {@code message}; raw text is cut to {@code maxRawTextBytes}. A tree that
     * fails to convert (which the parser's rules should make impossible) gives a raw-text alarm.
     */
    public static Document toDocument(ParsedMessage message, int maxRawTextBytes) {
        ParseResult result = message.result();
        Document document = header(message);
        if (result.message() != null) {
            try {
                document.put(MSG_VALUE, JsonToBson.toDocument(result.message()));
            } catch (RuntimeException e) {
                return refused(
                                message,
                                "could not be converted to a document: " + e,
                                maxRawTextBytes)
                        .document();
            }
        } else {
            putRawText(document, message, maxRawTextBytes);
        }
        if (result instanceof ParseResult.Invalid invalid) {
            document.put(TEXT_ALARM, invalid.reason());
        }
        return document;
    }

    /** A message refused by the store, made an alarm with its raw text, and that alarm. */
    public record Refused(ParsedMessage message, Document document) {}

    /**
     * The alarm that replaces the document of {@code message} when the store refused it for {@code
     * why}: the raw text as {@code msg_value}, the reason (and the message's own, if it was invalid
     * already) as {@code text_alarm}.
     */
    public static Refused refused(ParsedMessage message, String why, int maxRawTextBytes) {
        String reason = "MongoDB refused the message: " + bounded(why);
        if (message.result() instanceof ParseResult.Invalid invalid) {
            reason += " (it was invalid already: " + invalid.reason() + ")";
        }
        Document document = header(message);
        String rawText = putRawText(document, message, maxRawTextBytes);
        document.put(TEXT_ALARM, reason);
        return new Refused(message.refused(reason, rawText), document);
    }

    /**
     * The last resort: an alarm with where the message came from, its raw text and {@code why},
     * nothing read from its contents.
     */
    public static Document bare(ParsedMessage message, String why, int maxRawTextBytes) {
        Document document = new Document(TOPIC_ID, message.topic());
        document.put(TIMESTAMP, null);
        document.put(MSG_VALUE, null);
        document.put(DEVICE_ID, message.key());
        document.put(EVENT_TIME, null);
        document.put(PARTITION, message.partition());
        document.put(OFFSET, message.offset());
        putRawText(document, message, maxRawTextBytes);
        document.put(TEXT_ALARM, bounded(why));
        return document;
    }

    /** Sets the ingest time; called again before each retry so it is the time of the write. */
    public static void stamp(Document document, Instant ingestTime) {
        document.put(TIMESTAMP, Date.from(ingestTime));
    }

    private static Document header(ParsedMessage message) {
        ParseResult result = message.result();
        Document document = new Document(TOPIC_ID, message.topic());
        document.put(TIMESTAMP, null);
        document.put(MSG_VALUE, null);
        document.put(DEVICE_ID, message.deviceId());
        document.put(EVENT_TIME, date(result.eventTime()));
        document.put(PARTITION, message.partition());
        document.put(OFFSET, message.offset());
        if (message.enrichment() != null) {
            message.enrichment().writeTo(document);
        }
        return document;
    }

    /**
     * The instant as a BSON date (milliseconds in a long), or null when there is none or it lies
     * beyond that range (an invalid message's timestamp may say year 999999999).
     */
    static Date date(Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return new Date(instant.toEpochMilli());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static String putRawText(Document document, ParsedMessage message, int maxBytes) {
        byte[] payload = message.payload();
        String text;
        if (payload == null) {
            text = message.result() instanceof ParseResult.Invalid invalid ? invalid.rawText() : "";
        } else if (payload.length <= maxBytes) {
            text = new String(payload, StandardCharsets.UTF_8);
        } else {
            text = cut(payload, maxBytes);
            document.put(MSG_VALUE_CUT, true);
        }
        document.put(MSG_VALUE, text);
        return text;
    }

    /**
     * The first {@code maxBytes} of {@code payload} (backing off to a UTF-8 character boundary) as
     * text, followed by a mark that says how much was kept.
     */
    static String cut(byte[] payload, int maxBytes) {
        int end = Math.max(0, maxBytes);
        while (end > 0 && (payload[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(payload, 0, end, StandardCharsets.UTF_8)
                + "…[cut: the first "
                + end
                + " of "
                + payload.length
                + " bytes]";
    }

    private static String bounded(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
