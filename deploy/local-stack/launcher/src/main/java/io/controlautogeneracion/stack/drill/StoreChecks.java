package io.controlautogeneracion.stack.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.model.time.IsoTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/** Each store against what Kafka holds: lost and duplicated, per drill phase. */
final class StoreChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private StoreChecks() {}

    /**
     * MongoDB {@code topic} + {@code topic_alarm}: every message in the range once, by offset. The
     * documents are read by ingest time (their TTL index), in windows of a few seconds from just
     * before the drill's start: the stand-in holds a query's result in memory.
     */
    static Tally mongo(
            String connection, String database, KafkaTruth truth, Phases phases, Instant since) {
        Tally tally = new Tally("MongoDB topic + topic_alarm (messages)", phases.size());
        Map<TopicPartition, int[]> stored = new HashMap<>();
        truth.times.forEach((tp, times) -> stored.put(tp, new int[times.length]));
        try (MongoClient client = MongoClients.create(connection)) {
            MongoDatabase db = client.getDatabase(database);
            Instant until = Instant.now().plusSeconds(1);
            for (String collection : List.of("topic", "topic_alarm")) {
                for (Instant from = since; from.isBefore(until); from = from.plus(WINDOW)) {
                    for (Document d :
                            db.getCollection(collection)
                                    .find(
                                            Filters.and(
                                                    Filters.gte("timestamp", Date.from(from)),
                                                    Filters.lt(
                                                            "timestamp",
                                                            Date.from(from.plus(WINDOW)))))
                                    .projection(
                                            Projections.include(
                                                    "topic_id", "partition", "offset"))) {
                        TopicPartition tp =
                                new TopicPartition(
                                        d.getString("topic_id"),
                                        ((Number) d.get("partition")).intValue());
                        int[] counts = stored.get(tp);
                        if (counts == null) {
                            continue;
                        }
                        long index =
                                ((Number) d.get("offset")).longValue() - truth.firstOffsets.get(tp);
                        if (index >= 0 && index < counts.length) {
                            counts[(int) index]++;
                        }
                    }
                }
            }
        }
        truth.times.forEach(
                (tp, times) -> {
                    int[] counts = stored.get(tp);
                    for (int i = 0; i < times.length; i++) {
                        tally.count(phases.of(times[i]), 1, counts[i]);
                    }
                });
        return tally;
    }

    /** The landing files: each drill panel and light reading Kafka holds, landed once. */
    static Tally landing(
            Path landingDir,
            KafkaTruth truth,
            Phases phases,
            Instant since,
            Instant from,
            Instant to) {
        Tally tally = new Tally("landing files (drill readings)", phases.size());
        Map<String, Integer> landed = landed(landingDir, from, to);
        truth.readings.forEach(
                (key, expected) ->
                        tally.count(
                                phases.of(Long.parseLong(key.substring(key.lastIndexOf('|') + 1))),
                                expected,
                                landed.getOrDefault(key, 0)));
        landed.forEach(
                (key, found) -> {
                    long millis = Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
                    // landed but not in Kafka's range: a duplicate, unless an earlier drill sent it
                    if (!truth.readings.containsKey(key) && millis >= since.toEpochMilli()) {
                        tally.count(phases.of(millis), 0, found);
                    }
                });
        return tally;
    }

    /** Drill readings in the committed landing files of the hours [from, to]: key → count. */
    static Map<String, Integer> landed(Path landingDir, Instant from, Instant to) {
        Map<String, Integer> landed = new HashMap<>();
        for (String topic : List.of("panel", "sensor-light")) {
            String idField = topic.equals("panel") ? "panel_id" : "light_id";
            for (Instant h = from.truncatedTo(ChronoUnit.HOURS);
                    !h.isAfter(to);
                    h = h.plus(1, ChronoUnit.HOURS)) {
                Path dir = HourPartitions.directory(landingDir, topic, h);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        // committed part files only: in-progress ones are hidden (".part-…")
                        if (!name.startsWith("part-")) {
                            continue;
                        }
                        try (BufferedReader in = Files.newBufferedReader(f)) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                if (!line.contains(DrillProducer.PREFIX)) {
                                    continue;
                                }
                                JsonNode r = JSON.readTree(line);
                                landed.merge(
                                        topic
                                                + "|"
                                                + r.path(idField).asText()
                                                + "|"
                                                + millis(r.path("timestamp")),
                                        1,
                                        Integer::sum);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return landed;
    }

    /** A landed timestamp as the device sent it: epoch milliseconds or ISO-8601 with an offset. */
    private static long millis(JsonNode timestamp) {
        return IsoTime.timestamp(timestamp).toEpochMilli();
    }

    /**
     * Druid {@code wind_reading}: each drill anemometer second Kafka's readings make, once, with
     * all its readings (a second short of readings lost them, a second twice duplicates them).
     */
    static Tally wind(
            DruidClient druid, KafkaTruth truth, Phases phases, Instant from, Instant to) {
        Tally tally = new Tally("Druid wind_reading (drill readings)", phases.size());
        Map<String, long[]> found = windRows(druid, from, to);
        truth.windSeconds.forEach(
                (key, expected) -> {
                    long[] rows = found.getOrDefault(key, new long[2]);
                    long second = Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
                    tally.count(phases.of(second), expected[0], rows[0]);
                });
        found.forEach(
                (key, rows) -> {
                    if (!truth.windSeconds.containsKey(key)) {
                        long second = Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
                        tally.count(phases.of(second), 0, rows[0]);
                    }
                });
        return tally;
    }

    /** Drill rows of wind_reading in [from, to): "device|second ms" → {readings, rows}. */
    static Map<String, long[]> windRows(DruidClient druid, Instant from, Instant to) {
        Map<String, long[]> rows = new HashMap<>();
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT __time, wind_id, samples FROM wind_reading WHERE wind_id LIKE"
                                + " 'DRILL-%' AND __time >= ? AND __time < ?",
                        from, to)) {
            long second = IsoTime.timestamp(row.get("__time")).toEpochMilli();
            long[] r = rows.computeIfAbsent(row.get("wind_id") + "|" + second, k -> new long[2]);
            r[0] += ((Number) row.get("samples")).longValue();
            r[1]++;
        }
        return rows;
    }
}
