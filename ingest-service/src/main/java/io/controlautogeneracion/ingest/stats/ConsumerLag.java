package io.controlautogeneracion.ingest.stats;

import io.controlautogeneracion.ingest.health.PartitionProgress;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer lag of an incoming channel: records between its position and the end of each
 * assigned partition, from the consumer's own fetch metadata (no extra request to the broker). Each
 * observation also tells {@link PartitionProgress} where every assigned partition ends.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final KafkaClientService clients;
    private final PartitionProgress progress;
    private final Clock clock;

    public ConsumerLag(KafkaClientService clients, PartitionProgress progress, Clock clock) {
        this.clients = clients;
        this.progress = progress;
        this.clock = clock;
    }

    /** The summed lag of {@code channel}, or -1 while unknown (no consumer or no assignment). */
    public Uni<Long> of(String channel) {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
        if (consumer == null) {
            return Uni.createFrom().item(-1L);
        }
        Uni<Long> summed =
                consumer.runOnPollingThread(
                        kafka -> {
                            long lag = -1;
                            Map<String, Map<Integer, Long>> ends = new HashMap<>();
                            for (TopicPartition partition : kafka.assignment()) {
                                long partitionLag = kafka.currentLag(partition).orElse(-1);
                                long end = -1;
                                if (partitionLag >= 0) {
                                    lag = Math.max(lag, 0) + partitionLag;
                                    // With a lag known the position is too: no broker request.
                                    end = kafka.position(partition) + partitionLag;
                                }
                                ends.computeIfAbsent(partition.topic(), t -> new HashMap<>())
                                        .put(partition.partition(), end);
                            }
                            Instant now = clock.instant();
                            ends.forEach(
                                    (topic, byPartition) ->
                                            progress.observe(topic, byPartition, now));
                            return lag;
                        });
        // The polling thread may be busy or not started yet; a flush must not wait for it.
        return summed.ifNoItem().after(TIMEOUT).recoverWithItem(-1L);
    }
}
