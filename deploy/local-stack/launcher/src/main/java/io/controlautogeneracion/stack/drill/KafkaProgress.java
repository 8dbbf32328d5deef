package io.controlautogeneracion.stack.drill;

import io.controlautogeneracion.stack.StackException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the drill's flow stands in Kafka: the device topics' end offsets, and how far behind them
 * the consumers that read them (ingest-service, the wind and landing jobs) have committed.
 */
final class KafkaProgress implements AutoCloseable {
    private static final List<String> DEVICE_TOPICS =
            List.of("panel", "sensor-light", "sensor-wind");

    private final Admin admin;

    private KafkaProgress(Admin admin) {
        this.admin = admin;
    }

    static KafkaProgress open(Map<String, Object> kafka) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return new KafkaProgress(Admin.create(p));
    }

    /** Every consumer group reading the device topics has committed at least {@code target}. */
    boolean caughtUp(Map<TopicPartition, Long> target) {
        return lag(target).values().stream().allMatch(l -> l <= 0);
    }

    /** Per consumer group, how many messages of {@code target} it has not committed yet. */
    Map<String, Long> lag(Map<TopicPartition, Long> target) {
        Map<String, Long> lag = new HashMap<>();
        try {
            for (String group : consumerGroups()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get(20, TimeUnit.SECONDS);
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    Long end = target.get(e.getKey());
                    if (end != null && e.getValue() != null) {
                        behind += Math.max(0, end - e.getValue().offset());
                    }
                }
                lag.put(group, behind);
            }
        } catch (ExecutionException | TimeoutException e) {
            lag.put("(Kafka not answering: " + e.getMessage() + ")", 1L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lag.put("(interrupted)", 1L);
        }
        return lag;
    }

    /** The groups that read the device topics: ingest-service's, the wind and landing jobs'. */
    private List<String> consumerGroups()
            throws ExecutionException, InterruptedException, TimeoutException {
        List<String> groups = new ArrayList<>();
        for (var g : admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS)) {
            String id = g.groupId();
            if (id.startsWith("ingest-service.")
                    || id.equals("wind-job")
                    || id.equals("landing-job")) {
                groups.add(id);
            }
        }
        return groups;
    }

    Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (var d :
                    admin.describeTopics(DEVICE_TOPICS)
                            .allTopicNames()
                            .get(20, TimeUnit.SECONDS)
                            .values()) {
                d.partitions()
                        .forEach(
                                p ->
                                        request.put(
                                                new TopicPartition(d.name(), p.partition()),
                                                OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request)
                    .all()
                    .get(20, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot read Kafka's end offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
