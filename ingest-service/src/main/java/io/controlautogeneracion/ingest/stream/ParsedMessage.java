package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.enrich.StretchEnrichment;
import io.controlautogeneracion.model.reading.ParseResult;
import java.time.Instant;

/**
 * One Kafka record after parsing: where it came from (topic, partition, offset, key), its size,
 * what the parser made of it, its payload as received (kept for the raw text of an alarm), the head
 * of its document with its JSON object as the {@code msg_value} element when {@link
 * IngestPipeline#parse} wrote it so (then {@code result} holds no tree; null for a message kept as
 * raw text or as a tree), and the catalog's enrichment at its event time (null when the message
 * names no device and time).
 */
public final class ParsedMessage {

    private final String topic;
    private final int partition;
    private final long offset;
    private final String key;
    private final int bytes;
    private final ParseResult result;
    private final byte[] payload;
    private final DocumentHead head;
    private final StretchEnrichment enrichment;
    // What the message itself says of its device and time, read once: each is asked for several
    // times on the way to the store, and the result's accessors are calls through interfaces.
    private final String messageDeviceId;
    private final Instant eventTime;

    public ParsedMessage(
            String topic,
            int partition,
            long offset,
            String key,
            int bytes,
            ParseResult result,
            byte[] payload,
            DocumentHead head,
            StretchEnrichment enrichment) {
        this(
                topic,
                partition,
                offset,
                key,
                bytes,
                result,
                payload,
                head,
                enrichment,
                result.deviceId(),
                result.eventTime());
    }

    /** A message parsed to a tree (or raw text), not enriched (yet). */
    public ParsedMessage(
            String topic,
            int partition,
            long offset,
            String key,
            int bytes,
            ParseResult result,
            byte[] payload) {
        this(topic, partition, offset, key, bytes, result, payload, null, null);
    }

    private ParsedMessage(
            String topic,
            int partition,
            long offset,
            String key,
            int bytes,
            ParseResult result,
            byte[] payload,
            DocumentHead head,
            StretchEnrichment enrichment,
            String messageDeviceId,
            Instant eventTime) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.bytes = bytes;
        this.result = result;
        this.payload = payload;
        this.head = head;
        this.enrichment = enrichment;
        this.messageDeviceId = messageDeviceId;
        this.eventTime = eventTime;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The Kafka key. */
    public String key() {
        return key;
    }

    /** The payload's size in bytes. */
    public int bytes() {
        return bytes;
    }

    public ParseResult result() {
        return result;
    }

    /** The payload as received (null for a tombstone). */
    public byte[] payload() {
        return payload;
    }

    public DocumentHead head() {
        return head;
    }

    /** The catalog's enrichment, or null when not enriched. */
    public StretchEnrichment enrichment() {
        return enrichment;
    }

    /** The device id read from the message itself ({@code result().deviceId()}), else null. */
    public String messageDeviceId() {
        return messageDeviceId;
    }

    /** The event time read from the message itself ({@code result().eventTime()}), else null. */
    public Instant eventTime() {
        return eventTime;
    }

    /**
     * Whether the catalog can be asked about it: the device id and the event time were read from
     * the message itself (an alarm's Kafka key alone names no device for sure).
     */
    public boolean enrichable() {
        return messageDeviceId != null && MessageDocuments.fitsDate(eventTime);
    }

    public ParsedMessage enriched(StretchEnrichment enrichment) {
        return new ParsedMessage(
                topic,
                partition,
                offset,
                key,
                bytes,
                result,
                payload,
                head,
                enrichment,
                messageDeviceId,
                eventTime);
    }

    public boolean valid() {
        return result instanceof ParseResult.Valid;
    }

    /** The device id from the message, else the Kafka key (which is the device id by contract). */
    public String deviceId() {
        return messageDeviceId != null ? messageDeviceId : key;
    }

    /**
     * Ingest time minus event time in ms, or -1 when the message has no usable event time (none, or
     * one too far from the epoch for milliseconds in a long, which an invalid message may carry).
     */
    public long latencyMillis(Instant ingestTime) {
        if (eventTime == null) {
            return -1;
        }
        try {
            return Math.max(
                    0, Math.subtractExact(ingestTime.toEpochMilli(), eventTime.toEpochMilli()));
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /**
     * The same message made invalid for {@code reason} (its document was refused by the store):
     * only {@code rawText} is kept, no tree nor document head.
     */
    public ParsedMessage refused(String reason, String rawText) {
        ParseResult.Invalid invalid =
                new ParseResult.Invalid(reason, messageDeviceId, eventTime, null, rawText);
        return new ParsedMessage(
                topic, partition, offset, key, bytes, invalid, payload, null, enrichment);
    }

    /** {@code topic/partition@offset (key k)}, for log lines. */
    public String describe() {
        return topic + "/" + partition + "@" + offset + " (key " + key + ")";
    }
}
