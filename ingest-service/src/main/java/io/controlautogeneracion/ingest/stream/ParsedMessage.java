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
public record ParsedMessage(
        String topic,
        int partition,
        long offset,
        String key,
        int bytes,
        ParseResult result,
        byte[] payload,
        DocumentHead head,
        StretchEnrichment enrichment) {

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

    /**
     * Whether the catalog can be asked about it: the device id and the event time were read from
     * the message itself (an alarm's Kafka key alone names no device for sure).
     */
    public boolean enrichable() {
        return result.deviceId() != null && MessageDocuments.fitsDate(result.eventTime());
    }

    public ParsedMessage enriched(StretchEnrichment enrichment) {
        return new ParsedMessage(
                topic, partition, offset, key, bytes, result, payload, head, enrichment);
    }

    public boolean valid() {
        return result instanceof ParseResult.Valid;
    }

    /** The device id from the message, else the Kafka key (which is the device id by contract). */
    public String deviceId() {
        return result.deviceId() != null ? result.deviceId() : key;
    }

    /**
     * Ingest time minus event time in ms, or -1 when the message has no usable event time (none, or
     * one too far from the epoch for milliseconds in a long, which an invalid message may carry).
     */
    public long latencyMillis(Instant ingestTime) {
        Instant eventTime = result.eventTime();
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
                new ParseResult.Invalid(
                        reason, result.deviceId(), result.eventTime(), null, rawText);
        return new ParsedMessage(
                topic, partition, offset, key, bytes, invalid, payload, null, enrichment);
    }

    /** {@code topic/partition@offset (key k)}, for log lines. */
    public String describe() {
        return topic + "/" + partition + "@" + offset + " (key " + key + ")";
    }
}
