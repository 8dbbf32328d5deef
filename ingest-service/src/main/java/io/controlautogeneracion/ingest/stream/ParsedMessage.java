package io.controlautogeneracion.ingest.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.ingest.enrich.StretchEnrichment;
import io.controlautogeneracion.model.reading.ParseResult;
import java.time.Instant;

/**
 * One Kafka record after parsing: where it came from (topic, partition, offset, key), its size,
 * what the parser made of it, its payload as received (kept for the raw text of an alarm), the head
 * of its document with its JSON object as the {@code msg_value} element when {@link
 * IngestPipeline#parse} wrote it so (then there is no tree; null for a message kept as raw text or
 * as a tree), and the catalog's enrichment at its event time (null when the message names no device
 * and time).
 *
 * <p>Of the parser's result it keeps what the way to the store needs: whether the message is valid
 * (else why, with its raw text), its tree if it was parsed to one, its device id and event time. A
 * valid reading's own values (the parser's {@code Reading}, a boxed number per measurement) are not
 * kept: a batch waits for its write through young collections, which copy whatever it keeps.
 */
public final class ParsedMessage {

    private final String topic;
    private final int partition;
    private final long offset;
    private final String key;
    private final int bytes;
    private final ParseResult.Invalid invalid;
    private final ObjectNode tree;
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
                result instanceof ParseResult.Invalid invalid ? invalid : null,
                result.message(),
                payload,
                head,
                enrichment,
                sameAs(result.deviceId(), key),
                result.eventTime());
    }

    /**
     * The message's device id, as the Kafka key's string when they are equal (the key is the device
     * id by contract): the parser's own copy then dies young instead of waiting with the batch.
     */
    private static String sameAs(String deviceId, String key) {
        return deviceId != null && deviceId.equals(key) ? key : deviceId;
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
            ParseResult.Invalid invalid,
            ObjectNode tree,
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
        this.invalid = invalid;
        this.tree = tree;
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

    /** Why the message is invalid, with its raw text; null when it is valid. */
    public ParseResult.Invalid invalid() {
        return invalid;
    }

    /**
     * The message's JSON object as a tree when it was parsed to one; null when it went to its
     * document's head or is kept as raw text.
     */
    public ObjectNode tree() {
        return tree;
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

    /** The device id read from the message itself (the parse result's), else null. */
    public String messageDeviceId() {
        return messageDeviceId;
    }

    /** The event time read from the message itself (the parse result's), else null. */
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
                invalid,
                tree,
                payload,
                head,
                enrichment,
                messageDeviceId,
                eventTime);
    }

    public boolean valid() {
        return invalid == null;
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
        ParseResult.Invalid alarm =
                new ParseResult.Invalid(reason, messageDeviceId, eventTime, null, rawText);
        return new ParsedMessage(
                topic, partition, offset, key, bytes, alarm, payload, null, enrichment);
    }

    /** {@code topic/partition@offset (key k)}, for log lines. */
    public String describe() {
        return topic + "/" + partition + "@" + offset + " (key " + key + ")";
    }
}
