package io.controlautogeneracion.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Kafka keyed by device id (one device's readings stay in one partition, in
 * order), idempotent producer, batched and compressed for back-fill speed. A failed send is logged
 * with its topic and key and counted; the producer retries on its own within its delivery timeout.
 */
final class KafkaSink implements MessageSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, String> producer;
    private final AtomicLong failures = new AtomicLong();

    KafkaSink(Producer<String, String> producer) {
        this.producer = producer;
    }

    /**
     * A producer of {@code bootstrap}; {@code settings}, when given, is a properties file of
     * further client settings (how to authenticate: {@code security.protocol}, {@code sasl.*},
     * {@code ssl.*}), read last so that it may override any of the defaults below.
     */
    static KafkaSink connect(String bootstrap, Path settings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "simulator");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        if (settings != null) {
            try (Reader in = Files.newBufferedReader(settings)) {
                p.load(in);
            } catch (IOException e) {
                throw new SimulatorException("cannot read --producer-config " + settings, e);
            }
        }
        return new KafkaSink(
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
    }

    @Override
    public void send(Message m) {
        producer.send(
                new ProducerRecord<>(m.topic(), m.key(), m.value()),
                (metadata, error) -> {
                    if (error != null && failures.getAndIncrement() < 10) {
                        LOG.warn(
                                "could not send to {} with key {}: {}",
                                m.topic(),
                                m.key(),
                                error.toString());
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
