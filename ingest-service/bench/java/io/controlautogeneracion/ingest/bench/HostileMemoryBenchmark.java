package io.controlautogeneracion.ingest.bench;

import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Not a test: the packaged service, with its deployed JVM options, against the messages that cost
 * it the most memory, on all three topics at once. Each is a valid reading of almost 1 MiB whose
 * extra field is an array of small objects (about 27 MiB as a Jackson tree); every poll of every
 * stream holds two of them. Prints the service's peak RSS and whether every message was stored;
 * the service dying (out of memory) ends the run with its log's last lines.
 *
 * <p>Arguments: messages per topic, the service's jar.
 */
public final class HostileMemoryBenchmark {

    private static final Logger LOG = Logger.getLogger(HostileMemoryBenchmark.class);

    private HostileMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        int perTopic = Integer.parseInt(args[0]);
        Path jar = Path.of(args[1]);
        try (StandIns standIns = StandIns.start()) {
            send(standIns.bootstrapServers(), perTopic);
            BenchCatalog.load(standIns);
            Path module = IngestBenchmark.module(jar);
            IngestBenchmark.Result result =
                    IngestBenchmark.runService(
                            IngestBenchmark.jvmCommand(jar, module),
                            module.resolve("target/bench-hostile.log"),
                            standIns,
                            3L * perTopic,
                            "hostile");
            LOG.infof("RESULT hostile memory, %d messages per topic: %s", perTopic, result);
        }
        System.exit(0);
    }

    static void send(String bootstrap, int perTopic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < perTopic; i++) {
                for (DeviceKind kind : DeviceKind.values()) {
                    String id = BenchMessages.deviceId(kind, i);
                    producer.send(
                            new ProducerRecord<>(kind.defaultTopic(), id, message(kind, id)));
                }
            }
            producer.flush();
        }
    }

    /** A valid reading of just under 1 MiB, most of it an array of {"a":1} objects. */
    static String message(DeviceKind kind, String id) {
        String measurement =
                switch (kind) {
                    case PANEL -> "\"power_w\":120.5";
                    case LIGHT -> "\"lux\":5300";
                    case WIND -> "\"wind_speed\":4.2";
                };
        StringBuilder json =
                new StringBuilder("{\"")
                        .append(kind.idField())
                        .append("\":\"")
                        .append(id)
                        .append("\",\"timestamp\":\"")
                        .append(Instant.now())
                        .append("\",")
                        .append(measurement)
                        .append(",\"extra\":[");
        while (json.length() < (1 << 20) - 64) {
            json.append("{\"a\":1},");
        }
        return json.append("{\"a\":1}]}").toString();
    }
}
