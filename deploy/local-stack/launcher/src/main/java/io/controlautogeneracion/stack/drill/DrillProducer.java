package io.controlautogeneracion.stack.drill;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The drill's own fleet, sending valid readings at a fixed rate to the three device topics while
 * parts are killed: panels with a cumulative counter, light sensors and anemometers (some seconds
 * of storm), each device id starting with {@code DRILL-} and each (device, timestamp) once. The
 * producer is idempotent and waits minutes for a broker that is down, so what reaches Kafka is what
 * was sent, once; Kafka's log is the truth the stores are checked against.
 */
final class DrillProducer implements AutoCloseable {
    static final String PREFIX = "DRILL-";
    private static final int PANELS = 120;
    private static final int LIGHTS = 20;
    private static final int WINDS = 60;
    private static final int TICKS_PER_SECOND = 100;

    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final int perTick;
    private final long[] lastMillis = new long[PANELS + LIGHTS + WINDS];
    private final double[] counterWh = new double[PANELS];
    private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    private long sent;
    private int next;

    DrillProducer(Map<String, Object> kafka, int messagesPerSecond) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // a broker killed and restarted: hold the messages, in order, until it is back
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "600000");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L << 20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.perTick = Math.max(1, messagesPerSecond / TICKS_PER_SECOND);
        for (int i = 0; i < PANELS; i++) {
            counterWh[i] = 10_000 + 37.0 * i;
        }
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        for (int i = 0; i < perTick; i++) {
            send(next);
            next = (next + 1) % lastMillis.length;
        }
    }

    private void send(int device) {
        long now = Math.max(System.currentTimeMillis(), lastMillis[device] + 1);
        long elapsed = lastMillis[device] == 0 ? 0 : now - lastMillis[device];
        lastMillis[device] = now;
        String time = Instant.ofEpochMilli(now).toString();
        String topic;
        String id;
        String json;
        if (device < PANELS) {
            id = PREFIX + String.format("P-%03d", device);
            double power = 400 + (device * 7 + now / 1000 % 60) % 800;
            counterWh[device] += power * elapsed / 3_600_000.0;
            topic = "panel";
            json =
                    String.format(
                            "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":%.1f,"
                                    + "\"energy_wh\":%.3f}",
                            id, time, power, counterWh[device]);
        } else if (device < PANELS + LIGHTS) {
            id = PREFIX + String.format("L-%03d", device - PANELS);
            topic = "sensor-light";
            json =
                    String.format(
                            "{\"light_id\":\"%s\",\"timestamp\":\"%s\",\"lux\":%d}",
                            id, time, 20_000 + (now / 1000 % 600) * 10);
        } else {
            id = PREFIX + String.format("W-%03d", device - PANELS - LIGHTS);
            topic = "sensor-wind";
            // a storm of ten seconds every minute, warnings around it
            long second = now / 1000 % 60;
            double speed = second < 10 ? 27 + second % 3 : second < 15 ? 17 : 4 + (device % 7);
            json =
                    String.format(
                            "{\"wind_id\":\"%s\",\"timestamp\":\"%s\",\"wind_speed\":%.1f,"
                                    + "\"wind_direction\":%d}",
                            id, time, speed, (device * 13 + second) % 360);
        }
        sent++;
        producer.send(
                new ProducerRecord<>(topic, id, json),
                (metadata, error) -> acknowledge(metadata, error));
    }

    private void acknowledge(
            org.apache.kafka.clients.producer.RecordMetadata metadata, Exception error) {
        if (error == null) {
            acknowledged.computeIfAbsent(metadata.topic(), t -> new AtomicLong()).incrementAndGet();
        } else {
            failed.incrementAndGet();
            lastFailure.set(error);
        }
    }

    /**
     * Late readings: six per drill panel in a closed hour before {@code now}'s, counters below the
     * live ones, as a gateway that was offline sends them. The landing lands them in their closed
     * hour, so the hourly batch's scheduler reports that hour again.
     */
    synchronized void sendLate(Instant now) {
        // an hour the landing has closed (it waits 10 minutes past the end for late readings)
        Instant hour =
                now.minus(java.time.Duration.ofMinutes(15))
                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                        .minusSeconds(3600);
        for (int device = 0; device < PANELS; device++) {
            String id = PREFIX + String.format("P-%03d", device);
            for (int k = 0; k < 6; k++) {
                // a millisecond of its own per drill run, so a second drill adds new readings
                Instant t = hour.plusSeconds(300 + 600L * k).plusMillis(now.toEpochMilli() % 1000);
                String json =
                        String.format(
                                "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":%d,"
                                        + "\"energy_wh\":%.3f}",
                                id, t, 500, 9_000 + 37.0 * device + 150.0 * k);
                sent++;
                producer.send(
                        new ProducerRecord<>("panel", id, json),
                        (metadata, error) -> acknowledge(metadata, error));
            }
        }
    }

    /** Stops sending and waits until everything sent is acknowledged or failed. */
    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        producer.flush();
    }

    long sent() {
        return sent;
    }

    long acknowledged() {
        return acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long failed() {
        return failed.get();
    }

    Exception lastFailure() {
        return lastFailure.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close();
    }
}
