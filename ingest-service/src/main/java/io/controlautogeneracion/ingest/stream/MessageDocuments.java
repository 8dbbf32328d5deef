package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.JsonToBson;
import io.controlautogeneracion.model.reading.ParseResult;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Maps a parsed message to its MongoDB document: {@code topic} for a valid reading, {@code
 * topic_alarm} (with {@code text_alarm}) for an invalid one. The ingest {@code timestamp} is
 * stamped separately, at each write attempt, by {@link #stamp}.
 */
public final class MessageDocuments {

    public static final String TOPIC_ID = "topic_id";
    public static final String TIMESTAMP = "timestamp";
    public static final String MSG_VALUE = "msg_value";
    public static final String DEVICE_ID = "device_id";
    public static final String EVENT_TIME = "event_time";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    public static final String TEXT_ALARM = "text_alarm";

    private MessageDocuments() {}

    public static Document toDocument(ParsedMessage message) {
        ParseResult result = message.result();
        Document document = new Document(TOPIC_ID, message.topic());
        document.put(TIMESTAMP, null);
        document.put(MSG_VALUE, msgValue(result));
        document.put(DEVICE_ID, message.deviceId());
        document.put(EVENT_TIME, result.eventTime() == null ? null : Date.from(result.eventTime()));
        document.put(PARTITION, message.partition());
        document.put(OFFSET, message.offset());
        if (result instanceof ParseResult.Invalid invalid) {
            document.put(TEXT_ALARM, invalid.reason());
        }
        return document;
    }

    /** Sets the ingest time; called again before each retry so it is the time of the write. */
    public static void stamp(Document document, Instant ingestTime) {
        document.put(TIMESTAMP, Date.from(ingestTime));
    }

    /** The message as a document, or the raw text when it was not a JSON object. */
    private static Object msgValue(ParseResult result) {
        if (result.message() != null) {
            return JsonToBson.toDocument(result.message());
        }
        return ((ParseResult.Invalid) result).rawText();
    }
}
