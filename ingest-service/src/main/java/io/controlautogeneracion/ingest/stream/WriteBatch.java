package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.EncodedDocument;
import io.controlautogeneracion.ingest.store.InsertOutcome;
import io.controlautogeneracion.ingest.store.StoreErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One part of a Kafka batch on its way to MongoDB: valid messages become {@code topic} documents,
 * invalid ones {@code topic_alarm} documents. Each write attempt sends the documents not yet
 * stored; a document the store refused is replaced by an alarm with the raw text ({@link
 * MessageDocuments#refused}), sent in a further round of the same attempt. Only the ingest
 * timestamp changes between attempts.
 */
public final class WriteBatch {

    private static final int KEYS_IN_LOG = 5;

    /** One message and where it stands. */
    private static final class Entry {
        ParsedMessage message;
        EncodedDocument document;
        boolean alarm;
        boolean done;
        boolean redelivered;
        boolean refusedByStore;
        boolean refusedByEncoder;

        /** The message and document before a refusal, while its alarm is not stored yet. */
        ParsedMessage beforeRefusal;

        EncodedDocument documentBeforeRefusal;
        boolean alarmBeforeRefusal;
    }

    private final List<Entry> entries = new ArrayList<>();
    private final int maxRawTextBytes;
    private int attempts;
    private List<Entry> sentReadings = List.of();
    private List<Entry> sentAlarms = List.of();

    private WriteBatch(int maxRawTextBytes) {
        this.maxRawTextBytes = maxRawTextBytes;
    }

    public static WriteBatch of(List<ParsedMessage> messages, int maxRawTextBytes) {
        WriteBatch batch = new WriteBatch(maxRawTextBytes);
        for (ParsedMessage message : messages) {
            Entry entry = new Entry();
            entry.message = message;
            entry.alarm = !message.valid();
            try {
                entry.document = MessageDocuments.encode(message, maxRawTextBytes);
            } catch (RuntimeException e) {
                refusedByEncoder(entry, e, maxRawTextBytes);
            }
            batch.entries.add(entry);
        }
        return batch;
    }

    /**
     * The message's tree cannot be written as BSON (a case the parser's rules do not foresee):
     * refused as the driver's encoder would refuse it, the alarm's reason and raw text stand, or,
     * should even that fail, a bare alarm.
     */
    private static void refusedByEncoder(Entry entry, RuntimeException e, int maxRawTextBytes) {
        ParsedMessage message = entry.message;
        entry.alarm = true;
        entry.refusedByEncoder = true;
        try {
            MessageDocuments.Refused refused =
                    MessageDocuments.refused(message, StoreErrors.describe(e), maxRawTextBytes);
            entry.message = refused.message();
            entry.document = refused.document();
        } catch (RuntimeException again) {
            String why = "could not be made a document: " + again;
            entry.message =
                    message.refused(why, MessageDocuments.rawText(message, maxRawTextBytes));
            entry.document = MessageDocuments.bare(message, why, maxRawTextBytes);
        }
    }

    /** Counts an attempt and stamps the documents not stored yet with its ingest time. */
    public void startAttempt(Instant ingestTime) {
        attempts++;
        stampPending(ingestTime);
    }

    /** Stamps the documents not stored yet (alarms that replace refused documents included). */
    public void stampPending(Instant ingestTime) {
        for (Entry entry : entries) {
            if (!entry.done) {
                entry.document.stamp(ingestTime);
            }
        }
    }

    public int attempts() {
        return attempts;
    }

    /** The {@code topic} documents to send now, remembered for {@link #apply}. */
    public List<EncodedDocument> readings() {
        sentReadings = pending(false);
        return documents(sentReadings);
    }

    /** The {@code topic_alarm} documents to send now, remembered for {@link #apply}. */
    public List<EncodedDocument> alarms() {
        sentAlarms = pending(true);
        return documents(sentAlarms);
    }

    private static List<EncodedDocument> documents(List<Entry> entries) {
        List<EncodedDocument> documents = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            documents.add(entry.document);
        }
        return documents;
    }

    /**
     * Records the outcome of the documents last sent. A refused document becomes an alarm with the
     * raw text, pending; returns how many were refused.
     *
     * @throws StoreRefusedException when the store refused such an alarm too: the refusals are then
     *     not about the messages (see {@link #undoRefusals})
     */
    public int apply(InsertOutcome readings, InsertOutcome alarms) {
        return apply(sentReadings, readings) + apply(sentAlarms, alarms);
    }

    private int apply(List<Entry> sent, InsertOutcome outcome) {
        int refusals = 0;
        // Positions are looked up only when the insert reported some (usually none).
        boolean anyRefused = !outcome.refused().isEmpty();
        boolean anyDuplicate = !outcome.duplicates().isEmpty();
        for (int i = 0; i < sent.size(); i++) {
            Entry entry = sent.get(i);
            String refusal = anyRefused ? outcome.refused().get(i) : null;
            if (refusal == null) {
                entry.done = true;
                // On a first attempt a duplicate was stored before (a redelivery); after a failed
                // attempt it may be this batch's own insert whose acknowledgement was lost.
                entry.redelivered =
                        anyDuplicate && outcome.duplicates().contains(i) && attempts == 1;
                entry.refusedByStore = entry.beforeRefusal != null || entry.refusedByEncoder;
                entry.beforeRefusal = null;
                entry.documentBeforeRefusal = null;
            } else {
                refusals++;
                refuse(entry, refusal);
            }
        }
        return refusals;
    }

    private void refuse(Entry entry, String why) {
        if (entry.beforeRefusal != null) {
            throw new StoreRefusedException(
                    "MongoDB refused the alarm that replaced "
                            + entry.message.describe()
                            + ", so the refusal is not about that message: "
                            + why);
        }
        MessageDocuments.Refused refused =
                MessageDocuments.refused(entry.message, why, maxRawTextBytes);
        entry.beforeRefusal = entry.message;
        entry.documentBeforeRefusal = entry.document;
        entry.alarmBeforeRefusal = entry.alarm;
        entry.message = refused.message();
        entry.document = refused.document();
        entry.alarm = true;
    }

    /**
     * Puts back the documents of refusals whose alarms were not stored: the next attempt sends them
     * again as they were.
     */
    public void undoRefusals() {
        for (Entry entry : entries) {
            if (!entry.done && entry.beforeRefusal != null) {
                entry.message = entry.beforeRefusal;
                entry.document = entry.documentBeforeRefusal;
                entry.alarm = entry.alarmBeforeRefusal;
                entry.beforeRefusal = null;
                entry.documentBeforeRefusal = null;
            }
        }
    }

    public boolean hasPending() {
        return entries.stream().anyMatch(e -> !e.done);
    }

    public int size() {
        return entries.size();
    }

    /** The topic of the batch's messages. */
    public String topic() {
        return entries.isEmpty() ? null : entries.get(0).message.topic();
    }

    /** The messages this batch added to MongoDB (redeliveries left out), as they were stored. */
    public List<ParsedMessage> stored() {
        List<ParsedMessage> stored = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (entry.done && !entry.redelivered) {
                stored.add(entry.message);
            }
        }
        return stored;
    }

    /** The messages that went to {@code topic_alarm} because the store refused their document. */
    public List<ParsedMessage> refusedByStore() {
        List<ParsedMessage> refused = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.done && entry.refusedByStore) {
                refused.add(entry.message);
            }
        }
        return refused;
    }

    /** The highest offset of each partition in this batch. */
    public Map<Integer, Long> lastOffsets() {
        // A holder per partition, updated in place: no boxed offset per message.
        Map<Integer, long[]> highest = new TreeMap<>();
        for (Entry entry : entries) {
            long[] last = highest.computeIfAbsent(entry.message.partition(), p -> new long[] {-1});
            last[0] = Math.max(last[0], entry.message.offset());
        }
        Map<Integer, Long> last = new TreeMap<>();
        highest.forEach((partition, offset) -> last.put(partition, offset[0]));
        return last;
    }

    private List<Entry> pending(boolean alarm) {
        List<Entry> pending = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (!entry.done && entry.alarm == alarm) {
                pending.add(entry);
            }
        }
        return pending;
    }

    /** Topic, partitions with their offset ranges and the first keys, for log lines. */
    public String describe() {
        Map<Integer, long[]> ranges = new TreeMap<>();
        List<String> keys = new ArrayList<>(KEYS_IN_LOG);
        String topic = null;
        for (Entry entry : entries) {
            ParsedMessage message = entry.message;
            topic = message.topic();
            ranges.merge(
                    message.partition(),
                    new long[] {message.offset(), message.offset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            if (keys.size() < KEYS_IN_LOG) {
                keys.add(message.key());
            }
        }
        StringJoiner partitions = new StringJoiner(", ");
        ranges.forEach(
                (p, r) -> partitions.add("partition " + p + " offsets " + r[0] + "-" + r[1]));
        return "topic "
                + topic
                + " "
                + partitions
                + " ("
                + size()
                + " messages, keys "
                + keys
                + (size() > KEYS_IN_LOG ? "…" : "")
                + ")";
    }
}
