package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static final Instant DAY = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant ONSET = DAY.plus(Duration.ofHours(9));
    private static final Faults FAULTS = new Faults(ONSET, "P-00026", "L-0003", "W-0005");

    private static List<Message> run(Instant from, Instant to, String... ids) {
        Duration minute = Duration.ofMinutes(1);
        return SimRuns.run(
                SimRuns.only(ids),
                SimRuns.config(5, minute, minute, Duration.ofSeconds(5), 0, FAULTS),
                from,
                to);
    }

    private static boolean afterOnset(Message m) {
        return m.eventMs() >= ONSET.toEpochMilli();
    }

    @Test
    void shouldFreezeTheLightSensorAtItsReadingOfTheOnset() {
        List<Message> m = run(DAY, DAY.plus(Duration.ofDays(1)), "L-0003", "L-0004");
        List<Double> frozen =
                m.stream()
                        .filter(r -> r.key().equals("L-0003") && afterOnset(r))
                        .map(r -> SimRuns.json(r).get("lux").asDouble())
                        .distinct()
                        .toList();
        List<Double> before =
                m.stream()
                        .filter(r -> r.key().equals("L-0003") && !afterOnset(r))
                        .map(r -> SimRuns.json(r).get("lux").asDouble())
                        .distinct()
                        .toList();
        List<Double> peer =
                m.stream()
                        .filter(r -> r.key().equals("L-0004") && afterOnset(r))
                        .map(r -> SimRuns.json(r).get("lux").asDouble())
                        .distinct()
                        .toList();

        assertThat(frozen).hasSize(1);
        assertThat(frozen.get(0)).isGreaterThan(10_000);
        assertThat(before.size()).isGreaterThan(100);
        assertThat(peer.size()).isGreaterThan(100);
    }

    @Test
    void shouldSilenceTheAnemometerFromTheOnset() {
        List<Message> m =
                run(
                        ONSET.minus(Duration.ofHours(1)),
                        ONSET.plus(Duration.ofHours(1)),
                        "W-0005",
                        "W-0006");

        assertThat(m.stream().filter(r -> r.key().equals("W-0005") && !afterOnset(r))).hasSize(720);
        assertThat(m.stream().filter(r -> r.key().equals("W-0005") && afterOnset(r))).isEmpty();
        assertThat(m.stream().filter(r -> r.key().equals("W-0006") && afterOnset(r))).hasSize(720);
    }

    @Test
    void shouldUnderProduceWellBelowThePeerOnTheSameRoof() {
        // P-00026 and P-00027 belong to the same client (C-0012, Madrid).
        List<Message> m = run(ONSET, DAY.plus(Duration.ofDays(1)), "P-00026", "P-00027");
        double faulty = energyPerWp(m, "P-00026");
        double peer = energyPerWp(m, "P-00027");

        assertThat(peer).isGreaterThan(1.0);
        assertThat(faulty).isLessThan(0.6 * peer).isGreaterThan(0.2 * peer);
    }

    private static double energyPerWp(List<Message> m, String id) {
        List<Double> e =
                m.stream()
                        .filter(r -> r.key().equals(id))
                        .map(r -> SimRuns.json(r).get("energy_wh").asDouble())
                        .toList();
        return (e.get(e.size() - 1) - e.get(0)) / SimRuns.device(id).powerCap();
    }
}
