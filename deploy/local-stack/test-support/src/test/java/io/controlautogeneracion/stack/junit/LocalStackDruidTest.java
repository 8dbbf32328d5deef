package io.controlautogeneracion.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The real Kafka and Druid of the local stack: streaming ingestion and idempotent hourly loads. */
@WithLocalStack({Engine.KAFKA, Engine.DRUID})
class LocalStackDruidTest {
    private static final Duration DRUID_WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldQueryRowsProducedToKafkaThroughASupervisor(RunningStack stack) throws Exception {
        String topic = "smoke_readings";
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        String spec =
                Templates.render(
                        resource("smoke-supervisor.json"),
                        Map.of("KAFKA_BOOTSTRAP", stack.kafkaBootstrap()),
                        "spec");
        assertThat(stack.druid().submitSupervisor(spec)).isEqualTo(topic);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, String> producer = producer(stack)) {
            for (int i = 0; i < 10; i++) {
                String panel = "P-" + (i % 2);
                String row =
                        JSON.writeValueAsString(
                                Map.of(
                                        "panel_id",
                                        panel,
                                        "timestamp",
                                        now.minusSeconds(i).toString(),
                                        "power_w",
                                        100.0 + i));
                producer.send(new ProducerRecord<>(topic, panel, row));
            }
            producer.flush();
        }

        List<Map<String, Object>> rows =
                stack.druid()
                        .awaitSql(
                                "SELECT COUNT(*) AS n, SUM(power_w) AS w, COUNT(DISTINCT panel_id)"
                                        + " AS panels FROM smoke_readings",
                                r -> !r.isEmpty() && ((Number) r.get(0).get("n")).intValue() == 10,
                                DRUID_WAIT);
        assertThat(((Number) rows.get(0).get("w")).doubleValue()).isEqualTo(1045.0);
        assertThat(((Number) rows.get(0).get("panels")).intValue()).isEqualTo(2);
    }

    @Test
    void shouldIngestTheProjectsSupervisorTopicOnAPlainTextBroker(RunningStack stack)
            throws Exception {
        // The specs of druid/supervisors/ take their Kafka security from the Druid processes'
        // environment; with kafka.security=none (the default) it says PLAINTEXT and no user.
        String row =
                JSON.writeValueAsString(
                        Map.of(
                                "timestamp",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                                "topic",
                                "smoke-plain",
                                "messages",
                                7));
        try (KafkaProducer<String, String> producer = producer(stack)) {
            producer.send(new ProducerRecord<>("topic_stats", "smoke-plain", row)).get();
        }
        List<Map<String, Object>> rows =
                stack.druid()
                        .awaitSql(
                                "SELECT SUM(messages) AS n FROM topic_stats WHERE topic ="
                                        + " 'smoke-plain'",
                                r -> !r.isEmpty() && r.get(0).get("n") != null,
                                DRUID_WAIT);
        assertThat(((Number) rows.get(0).get("n")).intValue()).isEqualTo(7);
    }

    @Test
    void shouldReplaceAnHourIntervalWhenTheBatchRunsAgain(RunningStack stack) throws Exception {
        DruidClient druid = stack.druid();
        String interval = "2026-06-01T10:00:00Z/2026-06-01T11:00:00Z";
        List<Map<String, Object>> hour =
                List.of(
                        row("P-1", "2026-06-01T10:00:00Z", 812.5),
                        row("P-2", "2026-06-01T10:00:00Z", 640.0),
                        row("P-3", "2026-06-01T10:00:00Z", 0.0));
        String totals =
                "SELECT COUNT(*) AS n, SUM(power_gen) AS wh FROM smoke_hourly WHERE __time >="
                        + " TIMESTAMP '2026-06-01 10:00:00' AND __time < TIMESTAMP '2026-06-01"
                        + " 11:00:00'";

        loadHour(druid, interval, hour);
        List<Map<String, Object>> first = druid.awaitSql(totals, r -> count(r) == 3, DRUID_WAIT);

        loadHour(druid, interval, hour);
        // The second load must not add rows: the hour is replaced, so the totals stay the same.
        List<Map<String, Object>> second = druid.awaitSql(totals, r -> count(r) > 0, DRUID_WAIT);
        assertThat(second).isEqualTo(first);
        assertThat(((Number) first.get(0).get("wh")).doubleValue()).isEqualTo(1452.5);

        loadHour(druid, interval, List.of(row("P-1", "2026-06-01T10:00:00Z", 900.0)));
        List<Map<String, Object>> replaced = druid.awaitSql(totals, r -> count(r) == 1, DRUID_WAIT);
        assertThat(((Number) replaced.get(0).get("wh")).doubleValue()).isEqualTo(900.0);
    }

    private static void loadHour(DruidClient druid, String interval, List<Map<String, Object>> rows)
            throws IOException {
        StringBuilder data = new StringBuilder();
        for (Map<String, Object> row : rows) {
            data.append(JSON.writeValueAsString(row)).append('\n');
        }
        String task =
                Templates.render(
                        resource("smoke-index-hour.json"),
                        Map.of(
                                "INTERVAL",
                                interval,
                                "DATA",
                                JSON.writeValueAsString(data.toString())),
                        "task");
        druid.awaitTaskSuccess(druid.submitTask(task), DRUID_WAIT);
    }

    private static Map<String, Object> row(String panel, String timestamp, double wh) {
        return Map.of("panel_id", panel, "timestamp", timestamp, "power_gen", wh);
    }

    private static int count(List<Map<String, Object>> rows) {
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).intValue();
    }

    private static KafkaProducer<String, String> producer(RunningStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LocalStackDruidTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
