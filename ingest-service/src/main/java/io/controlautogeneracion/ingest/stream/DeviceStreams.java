package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.health.PartitionProgress;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The seed's three streaming processes, StreamingPanel, StreamingSensorLight and
 * StreamingSensorWind: one {@link DeviceStream} per device topic, each on its own thread, started
 * with the service and stopped (offsets committed) before it ends.
 */
@ApplicationScoped
public class DeviceStreams {

    private static final Logger LOG = Logger.getLogger(DeviceStreams.class);
    private static final Duration STOP_BOUND = Duration.ofSeconds(20);

    private final Map<DeviceKind, DeviceStream> streams = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, Thread> threads = new EnumMap<>(DeviceKind.class);

    public DeviceStreams(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            IngestPipeline pipeline,
            PartitionProgress progress,
            IngestConfig config,
            Clock clock) {
        IngestConfig.Consumer settings = config.consumer();
        for (DeviceKind kind : DeviceKind.values()) {
            String topic = config.topics().of(kind);
            String group = settings.groupPrefix() + "." + topic;
            streams.put(
                    kind,
                    new DeviceStream(
                            streamName(kind),
                            kind,
                            topic,
                            new KafkaConsumer<String, byte[]>(properties(kafka, group, settings)),
                            pipeline,
                            progress,
                            settings,
                            clock));
        }
    }

    /** The consumer properties of a device topic's stream, over the shared {@code kafka.*}. */
    static Map<String, Object> properties(
            Map<String, Object> kafka, String group, IngestConfig.Consumer settings) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put("group.id", group);
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        properties.put("auto.offset.reset", "earliest");
        properties.put("enable.auto.commit", "false");
        properties.put("max.poll.records", settings.maxPollRecords());
        properties.put("fetch.max.bytes", settings.fetchMaxBytes());
        properties.put("max.partition.fetch.bytes", settings.maxPartitionFetchBytes());
        properties.put("fetch.max.wait.ms", (int) settings.fetchMaxWait().toMillis());
        properties.put("session.timeout.ms", (int) settings.sessionTimeout().toMillis());
        properties.put("heartbeat.interval.ms", (int) settings.heartbeatInterval().toMillis());
        return properties;
    }

    /** The seed's name of the process that ingests a kind's topic. */
    static String streamName(DeviceKind kind) {
        return switch (kind) {
            case PANEL -> "StreamingPanel";
            case LIGHT -> "StreamingSensorLight";
            case WIND -> "StreamingSensorWind";
        };
    }

    void start(@Observes StartupEvent event) {
        streams.forEach(
                (kind, stream) -> {
                    Thread thread = new Thread(stream, stream.name());
                    thread.setDaemon(true);
                    threads.put(kind, thread);
                    thread.start();
                });
    }

    void stop(@Observes ShutdownEvent event) {
        streams.values().forEach(DeviceStream::stop);
        long deadline = System.nanoTime() + STOP_BOUND.toNanos();
        for (Thread thread : threads.values()) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop within %s", thread.getName(), STOP_BOUND);
            }
        }
    }

    public List<DeviceStream> all() {
        return List.copyOf(streams.values());
    }

    public DeviceStream of(DeviceKind kind) {
        return streams.get(kind);
    }

    /** The stream that consumes {@code topic}, if one does. */
    public Optional<DeviceStream> ofTopic(String topic) {
        return streams.values().stream().filter(s -> s.topic().equals(topic)).findFirst();
    }
}
