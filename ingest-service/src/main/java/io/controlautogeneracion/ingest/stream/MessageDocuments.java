package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.BsonOutput;
import io.controlautogeneracion.ingest.store.EncodedDocument;
import io.controlautogeneracion.model.reading.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Maps a parsed message to its MongoDB document: {@code topic} for a valid reading, {@code
 * topic_alarm} (with {@code text_alarm}) for an invalid one. When the message is no JSON object
 * that can be stored as it is, {@code msg_value} is its raw text, cut to a bounded size and marked
 * so ({@code msg_value_cut}). A document is encoded once, straight to BSON ({@link BsonOutput}),
 * after its head when the parser began it ({@link DocumentHead}, usually in its batch's {@link
 * DocumentArena}); its ingest {@code timestamp} is stamped at each write attempt ({@link
 * EncodedDocument#stamp}).
 */
public final class MessageDocuments {

    public static final String ID = "_id";
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
    private static final int INITIAL_BYTES = 512;

    private MessageDocuments() {}

    /**
     * The document of {@code message}, encoded; raw text is cut to {@code maxRawTextBytes}.
     *
     * @throws org.bson.BSONException when the tree cannot be written (which the parser's rules
     *     should make impossible): the caller stores {@link #refused} instead
     */
    public static EncodedDocument encode(ParsedMessage message, int maxRawTextBytes) {
        DocumentHead head = message.head();
        BsonOutput out;
        int start;
        int stampAt;
        boolean cut = false;
        if (head != null) {
            out = head.begin();
            start = head.start();
            stampAt = head.stampAt();
        } else {
            out = new BsonOutput(bytesFor(message.bytes()));
            start = 0;
            stampAt = begin(out, message.topic(), message.partition(), message.offset());
            if (message.tree() != null) {
                out.json(MSG_VALUE, message.tree());
            } else {
                cut = putRawText(out, message, maxRawTextBytes) != null;
            }
        }
        out.string(DEVICE_ID, message.deviceId());
        if (fitsDate(message.eventTime())) {
            out.date(EVENT_TIME, message.eventTime().toEpochMilli());
        } else {
            out.nullValue(EVENT_TIME);
        }
        out.int32(PARTITION, message.partition());
        out.int64(OFFSET, message.offset());
        if (message.enrichment() != null) {
            out.elements(message.enrichment().encoded());
        }
        if (cut) {
            out.bool(MSG_VALUE_CUT, true);
        }
        if (message.invalid() != null) {
            out.string(TEXT_ALARM, message.invalid().reason());
        }
        out.end(start);
        return out.encoded(start, stampAt);
    }

    /** A message refused by the store, made an alarm with its raw text, and that alarm. */
    public record Refused(ParsedMessage message, EncodedDocument document) {}

    /**
     * The alarm that replaces the document of {@code message} when the store refused it for {@code
     * why}: the raw text as {@code msg_value}, the reason (and the message's own, if it was invalid
     * already) as {@code text_alarm}.
     */
    public static Refused refused(ParsedMessage message, String why, int maxRawTextBytes) {
        String reason = "MongoDB refused the message: " + bounded(why);
        if (message.invalid() != null) {
            reason += " (it was invalid already: " + message.invalid().reason() + ")";
        }
        ParsedMessage alarm = message.refused(reason, rawText(message, maxRawTextBytes));
        return new Refused(alarm, encode(alarm, maxRawTextBytes));
    }

    /**
     * The last resort: an alarm with where the message came from, its raw text and {@code why},
     * nothing read from its contents.
     */
    public static EncodedDocument bare(ParsedMessage message, String why, int maxRawTextBytes) {
        ParsedMessage nothingRead =
                new ParsedMessage(
                        message.topic(),
                        message.partition(),
                        message.offset(),
                        message.key(),
                        message.bytes(),
                        new ParseResult.Invalid(
                                bounded(why), null, null, null, rawText(message, maxRawTextBytes)),
                        message.payload());
        return encode(nothingRead, maxRawTextBytes);
    }

    /** Room for a document whose {@code msg_value} takes about {@code valueBytes}. */
    static int bytesFor(int valueBytes) {
        return INITIAL_BYTES + valueBytes;
    }

    /**
     * Begins the document of the message at {@code offset} of {@code partition} of {@code topic}
     * after what {@code out} holds: {@code _id} and {@code topic_id}, then the ingest time to be
     * stamped; returns where that is. {@code msg_value} comes next.
     */
    static int begin(BsonOutput out, String topic, int partition, long offset) {
        out.start();
        out.position(ID, topic, partition, offset);
        out.knownString(TOPIC_ID, topic);
        return out.date(TIMESTAMP, 0);
    }

    /**
     * The {@code _id} of the message at {@code offset} of {@code partition} of {@code topic}: its
     * position in Kafka, {@code <topic>/<partition>/<offset>} (a topic's name has no {@code /}), so
     * that the collection's own unique index on {@code _id} stores each message once: a message
     * delivered again, or a write attempted again, is a duplicate key, never a second copy. A
     * document gets it from {@link BsonOutput#position}, the same text without building it.
     */
    public static String id(String topic, int partition, long offset) {
        return topic + '/' + partition + '/' + offset;
    }

    /**
     * Whether the instant can be a BSON date (milliseconds in a long): not when there is none or it
     * lies beyond that range (an invalid message's timestamp may say year 999999999).
     */
    static boolean fitsDate(Instant instant) {
        if (instant == null) {
            return false;
        }
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** Writes the raw text as {@code msg_value}; returns the mark of a cut, or null when whole. */
    private static String putRawText(BsonOutput out, ParsedMessage message, int maxBytes) {
        byte[] payload = message.payload();
        String text = rawText(message, maxBytes);
        out.string(MSG_VALUE, text);
        return payload != null && payload.length > maxBytes ? text : null;
    }

    /** The message as text, cut to {@code maxBytes} of its payload. */
    static String rawText(ParsedMessage message, int maxBytes) {
        byte[] payload = message.payload();
        if (payload == null) {
            return message.invalid() != null ? message.invalid().rawText() : "";
        }
        return payload.length <= maxBytes
                ? new String(payload, StandardCharsets.UTF_8)
                : cut(payload, maxBytes);
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
