package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed from its state sends what one uninterrupted run sends. */
class ResumeTest {
    private static final Instant FROM = Instant.parse("2026-06-10T08:00:00Z");
    private static final Instant STOP = FROM.plus(Duration.ofMinutes(97));
    private static final Instant TO = FROM.plus(Duration.ofHours(3));

    @TempDir Path dir;

    @Test
    void shouldContinueCountersAndReadingsExactlyAfterARestart() {
        List<SimDevice> fleet = SimRuns.only("P-00001", "P-00026", "L-0003", "W-0005", "W-0006");
        GeneratorConfig config =
                SimRuns.config(
                        3,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(5),
                        0.05,
                        new Faults(FROM.plus(Duration.ofHours(1)), "P-00026", "L-0003", "W-0005"));
        List<Message> whole = SimRuns.run(fleet, config, FROM, TO);

        Generator first = new Generator(fleet, config, FROM, null);
        List<Message> resumed = new ArrayList<>();
        Message m;
        while ((m = first.next(STOP.toEpochMilli())) != null) {
            resumed.add(m);
        }
        Path file = dir.resolve("state.json");
        first.state(STOP.toEpochMilli() - 1).write(file);
        SimState saved = SimState.read(file);
        Generator second =
                new Generator(fleet, config, Instant.ofEpochMilli(saved.lastEventMs() + 1), saved);
        while ((m = second.next(TO.toEpochMilli())) != null) {
            resumed.add(m);
        }

        assertThat(resumed).hasSameSizeAs(whole);
        assertThat(resumed)
                .extracting(Message::value)
                .containsExactlyElementsOf(whole.stream().map(Message::value).toList());
    }

    @Test
    void shouldFinishTheInstantItStoppedInBeforeSavingTheState() {
        List<SimDevice> fleet = SimRuns.only("P-00026", "P-00027", "L-0002");
        GeneratorConfig config =
                SimRuns.config(
                        3,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(5),
                        0.0,
                        new Faults(TO, "P-00026", "L-0003", "W-0005"));
        List<Message> whole = SimRuns.run(fleet, config, FROM, TO);

        // Stop right after the first message of an instant several devices share.
        Generator first = new Generator(fleet, config, FROM, null);
        List<Message> resumed = new ArrayList<>();
        Message m;
        do {
            m = first.next(TO.toEpochMilli());
            resumed.add(m);
        } while (first.peek() != m.eventMs() || m.eventMs() < STOP.toEpochMilli());
        List<Message> rest = first.restOf(m.eventMs());
        assertThat(rest).isNotEmpty();
        resumed.addAll(rest);
        Path file = dir.resolve("state-mid.json");
        first.state(m.eventMs()).write(file);
        SimState saved = SimState.read(file);
        Generator second =
                new Generator(fleet, config, Instant.ofEpochMilli(saved.lastEventMs() + 1), saved);
        while ((m = second.next(TO.toEpochMilli())) != null) {
            resumed.add(m);
        }

        assertThat(resumed)
                .extracting(Message::value)
                .containsExactlyElementsOf(whole.stream().map(Message::value).toList());
    }
}
