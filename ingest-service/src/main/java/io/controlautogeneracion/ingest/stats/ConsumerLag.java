package io.controlautogeneracion.ingest.stats;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer lag of an incoming channel: records between its position and the end of each
 * assigned partition, from the consumer's own fetch metadata (no extra request to the broker).
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final KafkaClientService clients;

    public ConsumerLag(KafkaClientService clients) {
        this.clients = clients;
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
                            for (TopicPartition partition : kafka.assignment()) {
                                long partitionLag = kafka.currentLag(partition).orElse(-1);
                                if (partitionLag >= 0) {
                                    lag = Math.max(lag, 0) + partitionLag;
                                }
                            }
                            return lag;
                        });
        // The polling thread may be busy or not started yet; a flush must not wait for it.
        return summed.ifNoItem().after(TIMEOUT).recoverWithItem(-1L);
    }
}
