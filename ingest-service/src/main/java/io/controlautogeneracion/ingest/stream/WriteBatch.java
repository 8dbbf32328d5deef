package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.store.MessageRepository.Duplicates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.bson.Document;

/**
 * One Kafka batch ready for MongoDB: valid messages become {@code topic} documents, invalid ones
 * {@code topic_alarm} documents, each list parallel to its messages. Built once; only the ingest
 * timestamp changes between write attempts.
 */
public final class WriteBatch {

    private static final int KEYS_IN_LOG = 5;

    private final List<ParsedMessage> valid = new ArrayList<>();
    private final List<ParsedMessage> invalid = new ArrayList<>();
    private final List<Document> readings = new ArrayList<>();
    private final List<Document> alarms = new ArrayList<>();
    private int attempts;

    public static WriteBatch of(List<ParsedMessage> messages) {
        WriteBatch batch = new WriteBatch();
        for (ParsedMessage message : messages) {
            Document document = MessageDocuments.toDocument(message);
            if (message.valid()) {
                batch.valid.add(message);
                batch.readings.add(document);
            } else {
                batch.invalid.add(message);
                batch.alarms.add(document);
            }
        }
        return batch;
    }

    /** Stamps every document with the ingest time of this attempt and counts the attempt. */
    public void startAttempt(Instant ingestTime) {
        attempts++;
        readings.forEach(document -> MessageDocuments.stamp(document, ingestTime));
        alarms.forEach(document -> MessageDocuments.stamp(document, ingestTime));
    }

    public int attempts() {
        return attempts;
    }

    public List<Document> readings() {
        return readings;
    }

    public List<Document> alarms() {
        return alarms;
    }

    public int size() {
        return valid.size() + invalid.size();
    }

    /**
     * The messages this batch added to MongoDB. On a first attempt a duplicate was stored before (a
     * redelivery) and is left out; after a failed attempt a duplicate may be this batch's own
     * earlier insert whose acknowledgement was lost, so it is counted.
     */
    public List<ParsedMessage> stored(Duplicates duplicates) {
        if (duplicates.count() == 0 || attempts > 1) {
            List<ParsedMessage> all = new ArrayList<>(valid);
            all.addAll(invalid);
            return all;
        }
        List<ParsedMessage> stored = new ArrayList<>(size() - duplicates.count());
        for (int i = 0; i < valid.size(); i++) {
            if (!duplicates.readings().contains(i)) {
                stored.add(valid.get(i));
            }
        }
        for (int i = 0; i < invalid.size(); i++) {
            if (!duplicates.alarms().contains(i)) {
                stored.add(invalid.get(i));
            }
        }
        return stored;
    }

    /** Topic, partitions with their offset ranges and the first keys, for log lines. */
    public String describe() {
        Map<Integer, long[]> ranges = new TreeMap<>();
        List<String> keys = new ArrayList<>(KEYS_IN_LOG);
        String topic = null;
        for (List<ParsedMessage> part : List.of(valid, invalid)) {
            for (ParsedMessage message : part) {
                topic = message.topic();
                ranges.merge(
                        message.partition(),
                        new long[] {message.offset(), message.offset()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                if (keys.size() < KEYS_IN_LOG) {
                    keys.add(message.key());
                }
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
