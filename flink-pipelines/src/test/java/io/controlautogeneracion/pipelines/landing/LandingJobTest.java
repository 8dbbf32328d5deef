package io.controlautogeneracion.pipelines.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.controlautogeneracion.model.landing.HourPartitions;
import io.controlautogeneracion.pipelines.JobRestarts;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.testing.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing job at parallelism 2 from a real in-JVM Kafka broker: valid readings land in their
 * event hour's partition, invalid ones nowhere, an hour is closed once the watermark passed it plus
 * the allowed lateness and its files are committed, and a reading that comes after its hour was
 * closed still lands in it.
 */
class LandingJobTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void shouldLandValidReadingsPerEventHourAndCloseHoursBehindTheWatermark(@TempDir Path dir)
            throws Exception {
        Instant h = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        try (KafkaTestBroker kafka = KafkaTestBroker.builder().transactionProtocolV1().start()) {
            kafka.createTopics(Map.of("panel", 2, "sensor-light", 1));
            List<Map.Entry<String, String>> panel = new ArrayList<>();
            for (int m = 0; m < 60; m += 10) {
                panel.add(reading("P-1", h.plusSeconds(60L * m), 500));
                panel.add(reading("P-2", h.plusSeconds(3600 + 60L * m), 200));
            }
            panel.add(Map.entry("P-BAD", "{\"panel_id\":\"P-BAD\",\"timestamp\":\"yesterday\"}"));
            panel.add(Map.entry("P-BAD", "not json"));
            // Readings of a later hour move the watermark of both partitions past the first two.
            panel.add(reading("P-1", h.plusSeconds(2 * 3600 + 900), 100));
            panel.add(reading("P-2", h.plusSeconds(2 * 3600 + 900), 100));
            KafkaTestBroker.produce(kafka.bootstrap(), "panel", panel);
            KafkaTestBroker.produce(
                    kafka.bootstrap(),
                    "sensor-light",
                    List.of(
                            Map.entry(
                                    "L-1",
                                    "{\"light_id\":\"L-1\",\"timestamp\":\""
                                            + h.plusSeconds(600)
                                            + "\",\"lux\":30000}")));

            LandingSettings settings =
                    new LandingSettings(
                            kafka.bootstrap(),
                            Map.of(),
                            "panel",
                            "sensor-light",
                            "landing-test",
                            dir.resolve("landing").toString(),
                            dir.resolve("checkpoints").toString(),
                            Duration.ofMillis(500),
                            false,
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(1),
                            Duration.ofMinutes(1),
                            new JobRestarts(Duration.ofSeconds(1), Duration.ofMinutes(1), 10));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(
                            LandingJob.configuration(settings));
            env.setParallelism(2);
            LandingJob.fromSettings(settings).build(env);
            JobClient job = env.executeAsync("landing test");
            Path base = dir.resolve("landing");
            try {
                await().atMost(Duration.ofMinutes(2))
                        .until(
                                () ->
                                        HourPartitions.isClosed(base, "panel", h)
                                                && HourPartitions.isClosed(
                                                        base, "panel", h.plusSeconds(3600))
                                                && HourPartitions.isClosed(
                                                        base, "sensor-light", h));
                // A gateway uploads what it buffered: a reading of the first, closed hour.
                KafkaTestBroker.produce(
                        kafka.bootstrap(),
                        "panel",
                        List.of(reading("P-1", h.plusSeconds(60L * 55), 400)));
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> lines(HourPartitions.directory(base, "panel", h)).size() == 7);
            } finally {
                job.cancel().get();
            }
            List<String> first = lines(HourPartitions.directory(base, "panel", h));
            assertThat(first).hasSize(7).allMatch(l -> l.contains("\"panel_id\":\"P-1\""));
            assertThat(first).anyMatch(l -> l.contains(h.plusSeconds(60L * 55).toString()));
            assertThat(HourPartitions.isClosed(base, "panel", h)).isTrue();
            assertThat(lines(HourPartitions.directory(base, "panel", h.plusSeconds(3600))))
                    .hasSize(6)
                    .allMatch(l -> l.contains("\"P-2\""));
            assertThat(lines(HourPartitions.directory(base, "sensor-light", h))).hasSize(1);
            assertThat(HourPartitions.isClosed(base, "panel", h.plusSeconds(7200))).isFalse();
            try (Stream<Path> all = Files.walk(base)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).doesNotContain("P-BAD");
                }
            }
        }
    }

    private static Map.Entry<String, String> reading(String panel, Instant t, double watts) {
        return Map.entry(
                panel,
                "{\"panel_id\":\""
                        + panel
                        + "\",\"timestamp\":\""
                        + t
                        + "\",\"power_w\":"
                        + watts
                        + "}");
    }

    /** The committed lines of a partition (the sink's hidden in-progress files left out). */
    private static List<String> lines(Path partition) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(partition)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("part")) {
                    out.addAll(Files.readAllLines(f));
                }
            }
        }
        return out;
    }
}
