package io.controlautogeneracion.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.controlautogeneracion.ingest.fuzz.HostileMessages.Kind;
import io.controlautogeneracion.ingest.fuzz.HostileMessages.Message;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Sends generated hostile messages interleaved with valid ones to the three device topics and
 * checks that each ends exactly once in {@code topic} (every valid one) or in {@code topic_alarm}
 * (with a reason), while readiness stays UP. Prints a table per kind of message.
 *
 * <p>{@code -Dfuzz.messages} (default 600 in the ordinary build, 12 000 with {@code -Pfuzz}) and
 * {@code -Dfuzz.seed} (default 20261204) choose the run.
 */
@QuarkusTest
class HostileFuzzTest {

    private static final int MESSAGES = Integer.getInteger("fuzz.messages", 600);
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);

    @InjectStandIns StandIns standIns;

    private record Where(String topic, int partition, long offset) {}

    private record Sent(Message message, Where where) {}

    @Test
    void shouldStoreEveryMessageOnceInTopicOrTopicAlarmAndStayReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + RestAssured.port + "/q/health/ready");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(http, ready) == 200);
        Map<TopicPartition, Long> start = new HashMap<>();
        for (String topic : HostileMessages.TOPICS) {
            start.putAll(standIns.endOffsets(topic));
        }

        AtomicInteger probes = new AtomicInteger();
        AtomicInteger notReady = new AtomicInteger();
        ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
        prober.scheduleWithFixedDelay(
                () -> {
                    int status = status(http, ready);
                    if (Thread.currentThread().isInterrupted()) {
                        return; // stopped at the end of the run: no answer, not a DOWN
                    }
                    probes.incrementAndGet();
                    if (status != 200) {
                        notReady.incrementAndGet();
                    }
                },
                0,
                250,
                TimeUnit.MILLISECONDS);
        long began = System.nanoTime();
        List<Sent> sent;
        Map<Where, List<Document>> found;
        try {
            sent = send(new HostileMessages(SEED, Instant.now()));
            await().atMost(Duration.ofSeconds(60 + MESSAGES / 50))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> stored(start).size() >= sent.size());
            found = stored(start);
        } finally {
            prober.shutdownNow();
            // A probe in flight is interrupted and not counted; its counts are final after this.
            prober.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - began) / 1e9;

        Report report = new Report();
        for (Sent one : sent) {
            report.add(one.message(), found.getOrDefault(one.where(), List.of()));
        }
        System.out.println(report.table(SEED, sent.size(), seconds, probes.get(), notReady.get()));
        assertThat(report.problems())
                .as(report.table(SEED, sent.size(), seconds, probes.get(), notReady.get()))
                .isEmpty();
        assertThat(notReady.get()).as("readiness probes that were not UP").isZero();
    }

    private List<Sent> send(HostileMessages messages) throws Exception {
        List<Message> generated = new ArrayList<>(MESSAGES);
        List<Future<RecordMetadata>> acks = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            Message message = messages.next();
            generated.add(message);
            acks.add(standIns.sendBytes(message.topic(), message.key(), message.payload()));
        }
        List<Sent> sent = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            RecordMetadata ack = acks.get(i).get(60, TimeUnit.SECONDS);
            sent.add(
                    new Sent(
                            generated.get(i),
                            new Where(ack.topic(), ack.partition(), ack.offset())));
        }
        return sent;
    }

    /** The documents of both collections from the start offsets on, by where they came from. */
    private Map<Where, List<Document>> stored(Map<TopicPartition, Long> start) {
        Map<Where, List<Document>> found = new HashMap<>();
        for (String collection : List.of("topic", "topic_alarm")) {
            for (Map.Entry<TopicPartition, Long> from : start.entrySet()) {
                standIns.database()
                        .getCollection(collection)
                        .find(
                                Filters.and(
                                        Filters.eq("topic_id", from.getKey().topic()),
                                        Filters.eq("partition", from.getKey().partition()),
                                        Filters.gte("offset", from.getValue())))
                        .projection(
                                Projections.include(
                                        "topic_id", "partition", "offset", "text_alarm"))
                        .forEach(
                                d ->
                                        found.computeIfAbsent(
                                                        new Where(
                                                                d.getString("topic_id"),
                                                                d.getInteger("partition"),
                                                                ((Number) d.get("offset"))
                                                                        .longValue()),
                                                        w -> new ArrayList<>())
                                                .add(d.append("collection", collection)));
            }
        }
        return found;
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Counts per kind, and the messages that ended anywhere but where they belong. */
    private static final class Report {
        private final Map<Kind, int[]> rows = new EnumMap<>(Kind.class);
        private final List<String> problems = new ArrayList<>();

        private static final int SENT = 0,
                TOPIC = 1,
                ALARM = 2,
                MISSING = 3,
                DUPLICATED = 4,
                WRONG = 5;

        void add(Message message, List<Document> documents) {
            int[] row = rows.computeIfAbsent(message.kind(), k -> new int[6]);
            row[SENT]++;
            if (documents.isEmpty()) {
                row[MISSING]++;
                problems.add(message.kind() + " missing: " + preview(message));
                return;
            }
            if (documents.size() > 1) {
                row[DUPLICATED]++;
                problems.add(message.kind() + " stored " + documents.size() + " times");
            }
            Document document = documents.get(0);
            boolean alarm = document.getString("collection").equals("topic_alarm");
            row[alarm ? ALARM : TOPIC]++;
            if (alarm == message.valid()) {
                row[WRONG]++;
                problems.add(
                        message.kind()
                                + (message.valid()
                                        ? " valid but alarmed: "
                                        : " invalid but stored: ")
                                + document.getString("text_alarm")
                                + " — "
                                + preview(message));
            }
            if (alarm
                    && (document.getString("text_alarm") == null
                            || document.getString("text_alarm").isBlank())) {
                problems.add(message.kind() + " alarm without a reason");
            }
        }

        List<String> problems() {
            return problems.size() > 20 ? problems.subList(0, 20) : problems;
        }

        String table(long seed, int sent, double seconds, int probes, int notReady) {
            StringBuilder out = new StringBuilder();
            out.append(
                    String.format(
                            "%nhostile fuzz run: seed %d, %d messages, %.1f s%n",
                            seed, sent, seconds));
            out.append(
                    String.format(
                            "%-20s %7s %7s %12s %8s %11s %12s%n",
                            "kind",
                            "sent",
                            "topic",
                            "topic_alarm",
                            "missing",
                            "duplicated",
                            "wrong place"));
            int[] total = new int[6];
            rows.forEach(
                    (kind, row) -> {
                        out.append(
                                String.format(
                                        "%-20s %7d %7d %12d %8d %11d %12d%n",
                                        kind.name().toLowerCase(),
                                        row[0],
                                        row[1],
                                        row[2],
                                        row[3],
                                        row[4],
                                        row[5]));
                        for (int i = 0; i < 6; i++) {
                            total[i] += row[i];
                        }
                    });
            out.append(
                    String.format(
                            "%-20s %7d %7d %12d %8d %11d %12d%n",
                            "total", total[0], total[1], total[2], total[3], total[4], total[5]));
            out.append(String.format("readiness: %d probes, %d not UP%n", probes, notReady));
            return out.toString();
        }

        private static String preview(Message message) {
            String text = new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8);
            return message.topic()
                    + " "
                    + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
        }
    }
}
