package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed from its state sends what one uninterrupted run sends. */
class ResumeTest {
    private static final Instant FROM = Instant.parse("2026-06-10T08:00:00Z");
    private static final Instant STOP = FROM.plus(Duration.ofMinutes(97));
    private static final Instant TO = FROM.plus(Duration.ofHours(3));
    // The simulator's clock in the runs through Simulator: a 6-hour back-fill up to it.
    private static final Instant NOW = Instant.parse("2026-06-10T16:00:00Z");
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

    @Test
    void shouldKeepWhatOfflineDevicesBufferedAcrossARestart() throws IOException {
        List<SimDevice> fleet = SimRuns.only("P-00001", "P-00026", "L-0002", "L-0003", "W-0006");
        // Offline from 40 min before the stop to 50 min after it.
        Outage outage =
                new Outage(
                        Set.of("P-00001", "L-0002"),
                        STOP.minus(Duration.ofMinutes(40)),
                        Duration.ofMinutes(90));
        Faults faults = new Faults(FROM.plus(Duration.ofHours(1)), "P-00026", "L-0003", "W-0005");
        Duration minute = Duration.ofMinutes(1);
        GeneratorConfig config =
                SimRuns.config(3, minute, minute, Duration.ofSeconds(5), 0.05, faults, outage);
        GeneratorConfig online =
                SimRuns.config(3, minute, minute, Duration.ofSeconds(5), 0.05, faults);
        List<Message> whole = SimRuns.run(fleet, config, FROM, TO);

        Generator first = new Generator(fleet, config, FROM, null);
        List<Message> resumed = new ArrayList<>();
        Message m;
        while ((m = first.next(STOP.toEpochMilli())) != null) {
            resumed.add(m);
        }
        Path file = dir.resolve("state-offline.json");
        first.state(STOP.toEpochMilli() - 1).write(file);
        SimState saved = SimState.read(file);
        Generator second =
                new Generator(fleet, config, Instant.ofEpochMilli(saved.lastEventMs() + 1), saved);
        while ((m = second.next(TO.toEpochMilli())) != null) {
            resumed.add(m);
        }

        assertThat(saved.buffered().keySet()).containsExactly("L-0002", "P-00001");
        assertThat(saved.buffered().get("P-00001")).hasSize(40);
        assertThat(saved.offlineOnsetMs()).isEqualTo(outage.onset().toEpochMilli());
        JsonNode held = new ObjectMapper().readTree(file.toFile()).get("buffered").get("P-00001");
        assertThat(held.get(0).fieldNames())
                .toIterable()
                .containsExactly("kind", "topic", "key", "value", "event_ms", "malformation");
        assertThat(held.get(0).get("topic").asText()).isEqualTo("panel");
        assertThat(resumed)
                .isNotEqualTo(SimRuns.run(fleet, online, FROM, TO))
                .containsExactlyElementsOf(whole);
    }

    @Test
    void shouldResumeAStopInTheMiddleOfAnOutageWithoutLosingOrRepeatingAnything() {
        // Outage [NOW - 4 h, NOW - 2 h) of a 6-hour back-fill; stop half way through it.
        shouldResumeAfterAStopAt(
                m -> m.eventMs() >= NOW.minus(Duration.ofHours(3)).toEpochMilli(), true);
    }

    @Test
    void shouldResumeAStopInTheMiddleOfAReleaseWithoutLosingOrRepeatingAnything() {
        long onset = NOW.minus(Duration.ofHours(4)).toEpochMilli();
        // The fifth buffered message of P-00026 sent: the release goes on before the state is
        // saved, so nothing is left buffered.
        int[] released = {0};
        shouldResumeAfterAStopAt(
                m ->
                        m.key().equals("P-00026")
                                && m.eventMs() >= onset
                                && m.eventMs() < onset + 7_200_000
                                && ++released[0] == 5,
                false);
    }

    private void shouldResumeAfterAStopAt(Predicate<Message> stopAt, boolean stillOffline) {
        List<SimDevice> fleet = SimRuns.only("P-00026", "P-00027", "L-0002", "W-0005");
        Path state = dir.resolve("state-simulator.json");
        List<Message> whole = simulate(fleet, null, m -> false);

        List<Message> resumed = simulate(fleet, state, stopAt);
        SimState saved = SimState.read(state);
        assertThat(resumed).isNotEmpty().hasSizeLessThan(whole.size());
        assertThat(saved.lastEventMs())
                .isEqualTo(resumed.stream().mapToLong(Message::eventMs).max().orElseThrow());
        assertThat(saved.buffered().containsKey("P-00026")).isEqualTo(stillOffline);
        assertThat(saved.buffered().containsKey("L-0002")).isEqualTo(stillOffline);
        resumed.addAll(simulate(fleet, state, m -> false));

        assertThat(resumed).containsExactlyElementsOf(whole);
    }

    /** A 6-hour back-fill to {@link #NOW}, stopped after the first message {@code stopAt} takes. */
    private static List<Message> simulate(
            List<SimDevice> fleet, Path state, Predicate<Message> stopAt) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--dry-run",
                                "--seed",
                                "5",
                                "--backfill-days",
                                "0.25",
                                "--duration",
                                "0s",
                                "--period",
                                "panel=1m,light=1m,wind=1m",
                                "--malformed",
                                "0.05",
                                "--fault-after",
                                "1h",
                                "--fault-panel",
                                "P-00026",
                                "--fault-wind",
                                "W-0005",
                                "--offline",
                                "P-00026,L-0002",
                                "--offline-after",
                                "2h",
                                "--offline-for",
                                "2h"));
        if (state != null) {
            args.addAll(List.of("--state", state.toString()));
        }
        StoppingSink sink = new StoppingSink(stopAt);
        Simulator simulator =
                new Simulator(
                        SimulatorArguments.parse(args.toArray(String[]::new)),
                        fleet,
                        sink,
                        Clock.fixed(NOW, ZoneOffset.UTC));
        sink.stop = simulator::stop;
        simulator.run();
        assertThat(simulator.total()).isEqualTo(sink.sent.size());
        return sink.sent;
    }

    /** Records what is sent, and stops the simulator at a chosen message. */
    private static final class StoppingSink implements MessageSink {
        private final Predicate<Message> stopAt;
        private final List<Message> sent = new ArrayList<>();
        private Runnable stop;

        StoppingSink(Predicate<Message> stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void send(Message message) {
            sent.add(message);
            if (stopAt.test(message)) {
                stop.run();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
