package io.controlautogeneracion.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A handful of device messages for the three device topics, valid ones over the last minutes and
 * one of each kind of bad message, so that a user sees documents, alarms and throughput appear.
 */
public final class SampleMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message: topic, key (device id) and the raw value as a device would send it. */
    public record Sample(String topic, String key, String value) {}

    private SampleMessages() {}

    /**
     * Valid readings for each device id, one every 10 seconds over the {@code perDevice} × 10 s
     * before {@code now}, then the bad messages.
     */
    public static List<Sample> build(
            Instant now,
            int perDevice,
            List<String> panels,
            List<String> lights,
            List<String> winds) {
        List<Sample> samples = new ArrayList<>();
        Instant start =
                now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofSeconds(10L * perDevice));
        for (int i = 0; i < perDevice; i++) {
            Instant t = start.plusSeconds(10L * i);
            double wave = Math.sin(i / 6.0);
            for (String id : panels) {
                samples.add(
                        sample(
                                "panel",
                                id,
                                Map.of(
                                        "panel_id",
                                        id,
                                        "timestamp",
                                        t.toString(),
                                        "power_w",
                                        round(1800 + 400 * wave),
                                        "voltage_v",
                                        230.0,
                                        "temperature_c",
                                        31.5)));
            }
            for (String id : lights) {
                samples.add(
                        sample(
                                "sensor-light",
                                id,
                                Map.of(
                                        "light_id",
                                        id,
                                        "timestamp",
                                        t.toString(),
                                        "lux",
                                        round(60000 + 15000 * wave))));
            }
            for (String id : winds) {
                samples.add(
                        sample(
                                "sensor-wind",
                                id,
                                Map.of(
                                        "wind_id",
                                        id,
                                        "timestamp",
                                        t.toEpochMilli(),
                                        "wind_speed",
                                        round(6 + 3 * wave),
                                        "wind_direction",
                                        250.0,
                                        "gust",
                                        round(9 + 3 * wave))));
            }
        }
        String panel = panels.isEmpty() ? "PANEL-SAMPLE" : panels.get(0);
        String wind = winds.isEmpty() ? "WIND-SAMPLE" : winds.get(0);
        String light = lights.isEmpty() ? "LIGHT-SAMPLE" : lights.get(0);
        samples.add(new Sample("panel", panel, "power_w=120;ts=now"));
        samples.add(new Sample("panel", panel, "[1, 2, 3]"));
        samples.add(sample("panel", panel, Map.of("panel_id", panel, "timestamp", now.toString())));
        samples.add(
                sample(
                        "panel",
                        panel,
                        Map.of("panel_id", panel, "timestamp", now.toString(), "power_w", -35.0)));
        samples.add(
                sample(
                        "sensor-light",
                        light,
                        Map.of("light_id", light, "timestamp", now.toString(), "lux", 250000)));
        samples.add(
                sample(
                        "sensor-light",
                        light,
                        Map.of("light_id", light, "timestamp", "yesterday", "lux", 100)));
        samples.add(
                sample(
                        "sensor-wind",
                        wind,
                        Map.of(
                                "wind_id",
                                wind,
                                "timestamp",
                                now.plus(Duration.ofHours(2)).toString(),
                                "wind_speed",
                                4.0)));
        samples.add(
                sample(
                        "sensor-wind",
                        wind,
                        Map.of(
                                "wind_id",
                                wind,
                                "timestamp",
                                now.toString(),
                                "wind_speed",
                                "fast")));
        return samples;
    }

    /** Sends the samples and waits until the broker acknowledged every one of them. */
    public static Map<String, Integer> send(Map<String, Object> kafka, List<Sample> samples) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Sample s : samples) {
                acks.add(producer.send(new ProducerRecord<>(s.topic(), s.key(), s.value())));
                perTopic.merge(s.topic(), 1, Integer::sum);
            }
            producer.flush();
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException(
                    "sending sample messages to "
                            + kafka.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                            + " failed: "
                            + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while sending sample messages", e);
        }
        return perTopic;
    }

    private static Sample sample(String topic, String key, Map<String, Object> fields) {
        try {
            return new Sample(topic, key, JSON.writeValueAsString(new LinkedHashMap<>(fields)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
