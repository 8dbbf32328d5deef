package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples are what the model's parser says they are: the simulator's readings of the devices
 * named, then one message malformed each way.
 */
class SamplesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.400Z");
    private static final List<String> IDS = List.of("P-00001", "P-00002", "L-0001", "W-0001");

    private final ReadingParser parser =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir Path dir;

    private int run(String... args) {
        return Samples.run(
                args,
                NOW,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldMakeTheReadingsOfEveryDeviceThenOneInvalidMessageOfEachKind() {
        List<Message> samples = Samples.build(NOW, 5, IDS, 42);

        Map<Boolean, List<Message>> byValidity =
                samples.stream()
                        .collect(
                                Collectors.partitioningBy(
                                        m ->
                                                parser.parse(m.kind(), m.value())
                                                        instanceof ParseResult.Valid));
        assertThat(byValidity.get(true)).hasSize(5 * IDS.size()).allMatch(Message::valid);
        assertThat(byValidity.get(true))
                .allMatch(m -> parser.parse(m.kind(), m.value()).deviceId().equals(m.key()))
                .extracting(Message::key)
                .containsOnly(IDS.toArray(String[]::new));
        // Every reading in the 50 s before now, each device every 10 s.
        assertThat(byValidity.get(true))
                .allMatch(m -> m.eventMs() >= NOW.minusSeconds(50).toEpochMilli() - 400)
                .allMatch(m -> m.eventMs() < NOW.toEpochMilli() - 400);
        assertThat(byValidity.get(false))
                .extracting(Message::bad)
                .containsExactly(Malformation.values());
        assertThat(samples.subList(samples.size() - Malformation.values().length, samples.size()))
                .isEqualTo(byValidity.get(false));
    }

    @Test
    void shouldMakeTheSimulatorsReadingsForTheSeed() {
        Instant second = Instant.parse("2026-11-28T12:00:00Z");
        Duration period = Duration.ofSeconds(10);
        List<Message> simulated =
                SimRuns.run(
                        SimRuns.only("P-00001", "W-0001"),
                        SimRuns.config(7, period, period, period, 0, Faults.none()),
                        second.minusSeconds(30),
                        second);

        List<Message> samples = Samples.build(NOW, 3, List.of("P-00001", "W-0001"), 7);

        assertThat(samples.subList(0, 6)).isEqualTo(simulated);
        assertThat(Samples.build(NOW, 3, List.of("P-00001", "W-0001"), 8).get(0).value())
                .isNotEqualTo(samples.get(0).value());
        // The malformed ones: the two devices in turn, garbled at now.
        assertThat(samples.subList(6, samples.size()))
                .extracting(Message::key)
                .startsWith("P-00001", "W-0001", "P-00001");
        assertThat(samples.subList(6, samples.size()))
                .allMatch(m -> m.eventMs() == second.toEpochMilli());
    }

    @Test
    void shouldWriteTheSamplesThenATallyPerTopic() throws Exception {
        Path file = dir.resolve("samples.jsonl");

        int code = run("--out", file.toString(), "--ids", String.join(",", IDS), "--readings", "4");

        assertThat(code).isZero();
        assertThat(Files.readAllLines(file)).hasSize(4 * IDS.size() + 9);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(4)
                .first()
                .asString()
                .matches("  ✓ panel +\\d+ messages");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("sensor-light", "sensor-wind")
                .contains("(9 of them are invalid on purpose: not json, not an object,");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseADeviceNotInTheFleetWithOneLine() {
        assertThat(run("--dry-run", "--ids", "P-00001,X-1")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("samples: --ids X-1: no such device in the fleet\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseABadCommandLineWithOneLineAndTheUsage() {
        for (String[] args :
                List.of(
                        new String[] {"--dry-run", "--ids", "P-00001", "--readings", "0"},
                        new String[] {"--dry-run"},
                        new String[] {"--ids", "P-00001"})) {
            err.reset();

            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("samples: ")
                    .contains("\nusage: samples");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("samples: give either");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: samples");
    }

    @Test
    void shouldExitOneWhenKafkaCannotBeUsed() throws Exception {
        Path settings = dir.resolve("producer.properties");
        Files.writeString(settings, "security.protocol=NO_SUCH_PROTOCOL\n");

        int code =
                run(
                        "--bootstrap",
                        "127.0.0.1:1",
                        "--producer-config",
                        settings.toString(),
                        "--ids",
                        "P-00001");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("samples: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
