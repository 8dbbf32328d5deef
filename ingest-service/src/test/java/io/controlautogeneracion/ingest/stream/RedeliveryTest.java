package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A consumer that restarts from an older commit (as after a crash between the MongoDB write and the
 * offset commit) reads those messages again; the unique index keeps each stored once.
 */
@QuarkusTest
class RedeliveryTest {

    private static final String TOPIC = "sensor-light";
    private static final int MESSAGES = 200;

    @InjectStandIns StandIns standIns;

    @Inject DeviceStreams streams;

    @Inject MeterRegistry meters;

    @Test
    void shouldStoreNothingTwiceWhenTheConsumerReReadsUncommittedMessages() throws Exception {
        String prefix = Messages.uniqueId("light");
        Map<TopicPartition, Long> streamStart = standIns.endOffsets(TOPIC);
        Instant at = Instant.now().minusSeconds(1);
        for (int i = 0; i < MESSAGES; i++) {
            String id = prefix + "-" + i;
            standIns.send(TOPIC, id, Messages.light(id, at, 1000 + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(prefix) == MESSAGES);
        double redeliveredBefore = redelivered();

        // The restart: back to where the consumer stood before these messages were committed.
        streams.of(DeviceKind.LIGHT)
                .onConsumerThread(kafka -> streamStart.forEach(kafka::seek))
                .get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> redelivered() - redeliveredBefore >= MESSAGES);
        assertThat(stored(prefix)).isEqualTo(MESSAGES);
        Map<TopicPartition, Long> streamEnd = standIns.endOffsets(TOPIC);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () ->
                                streamEnd.forEach(
                                        (partition, end) ->
                                                assertThat(
                                                                standIns.committed(
                                                                                "ingest-service."
                                                                                        + TOPIC)
                                                                        .get(partition)
                                                                        .offset())
                                                        .isEqualTo(end)));
    }

    private long stored(String prefix) {
        return standIns.database()
                .getCollection("topic")
                .countDocuments(Filters.regex("device_id", "^" + prefix + "-"));
    }

    private double redelivered() {
        return meters.counter("ingest.messages.redelivered", "topic", TOPIC).count();
    }
}
