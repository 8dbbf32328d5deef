package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static String dryRun(String... args) {
        SimulatorOptions options = SimulatorArguments.parse(args);
        StringWriter out = new StringWriter();
        new Simulator(
                        options,
                        DemoFleet.load(null),
                        new JsonLinesSink(out),
                        Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC))
                .run();
        return out.toString();
    }

    private static String[] range(String seed) {
        return new String[] {
            "--dry-run",
            "--seed",
            seed,
            "--from",
            "2026-11-27T06:00:00Z",
            "--to",
            "2026-11-27T09:00:00Z",
            "--period",
            "wind=10s",
            "--fault-after",
            "1h"
        };
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeedAndRange() {
        String first = dryRun(range("42"));
        String second = dryRun(range("42"));

        assertThat(first).isNotEmpty().isEqualTo(second);
        // 490 panels and 40 light sensors a minute, 40 anemometers every 10 s, for 3 hours; the
        // silent anemometer stops after the first hour.
        assertThat(first.lines().count()).isEqualTo(3 * 60 * (490 + 40) + 3 * 360 * 40 - 2 * 360);
    }

    @Test
    void shouldWriteDifferentReadingsForAnotherSeed() {
        assertThat(dryRun(range("42"))).isNotEqualTo(dryRun(range("43")));
    }

    @Test
    void shouldGiveTheSameReadingAtAnInstantWhateverTheRangeStart() {
        String wide =
                dryRun(
                        "--dry-run",
                        "--from",
                        "2026-11-27T06:00:00Z",
                        "--to",
                        "2026-11-27T09:00:00Z",
                        "--period",
                        "wind=10s",
                        "--malformed",
                        "0");
        String late =
                dryRun(
                        "--dry-run",
                        "--from",
                        "2026-11-27T08:00:00Z",
                        "--to",
                        "2026-11-27T09:00:00Z",
                        "--period",
                        "wind=10s",
                        "--malformed",
                        "0");
        // Counters start elsewhere; everything else at an instant is the same.
        java.util.function.Function<String, java.util.List<String>> windOnly =
                s ->
                        s.lines()
                                .filter(l -> l.contains("\"sensor-wind\"") && l.contains("T08:"))
                                .toList();
        assertThat(windOnly.apply(late)).isNotEmpty().isEqualTo(windOnly.apply(wide));
    }
}
