package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Devices offline for a while buffer what they measure and send it all when they reconnect, with
 * the original timestamps and counters; the rest of the fleet does not notice.
 */
class OfflineTest {

    private static final Instant FROM = Instant.parse("2026-06-10T08:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(7));
    private static final Instant ONSET = FROM.plus(Duration.ofHours(2));
    private static final Instant END = ONSET.plus(Duration.ofHours(2));
    // P-00026, P-00027 and L-0002 share a roof (C-0012, Madrid), so they report at the same
    // instants: P-00027 is P-00026's online twin.
    private static final List<SimDevice> FLEET =
            SimRuns.only("P-00001", "P-00026", "P-00027", "L-0002", "L-0003", "W-0006");
    private static final Set<String> OFFLINE = Set.of("P-00026", "L-0002");

    // Read-only fixtures: the same range without and with the outage.
    private static final List<Message> ONLINE = run(Outage.none());
    private static final List<Message> WITH_OUTAGE =
            run(new Outage(OFFLINE, ONSET, Duration.between(ONSET, END)));

    private static List<Message> run(Outage outage) {
        Duration minute = Duration.ofMinutes(1);
        return List.copyOf(
                SimRuns.run(
                        FLEET,
                        SimRuns.config(
                                9,
                                minute,
                                minute,
                                Duration.ofSeconds(10),
                                0.05,
                                Faults.none(),
                                outage),
                        FROM,
                        TO));
    }

    @Test
    void shouldSendAnOfflinePanelsReadingsOnlyWhenItReconnects() {
        shouldBufferAndReleaseEverything("P-00026", "P-00027");
    }

    @Test
    void shouldSendAnOfflineLightSensorsReadingsOnlyWhenItReconnects() {
        shouldBufferAndReleaseEverything("L-0002", "P-00027");
    }

    @Test
    void shouldContinueThePanelsEnergyCounterAsIfItHadStayedOnline() {
        List<Message> online = of(ONLINE, "P-00026");
        List<Message> offline = of(WITH_OUTAGE, "P-00026");
        Message reconnection = first(offline, m -> m.eventMs() >= END.toEpochMilli() && m.valid());
        Message twin = first(online, m -> m.eventMs() == reconnection.eventMs());
        Message lastBuffered =
                offline.stream()
                        .filter(m -> m.eventMs() < END.toEpochMilli() && m.valid())
                        .reduce((a, b) -> b)
                        .orElseThrow();

        double energy = SimRuns.json(reconnection).get("energy_wh").asDouble();
        assertThat(energy).isEqualTo(SimRuns.json(twin).get("energy_wh").asDouble());
        // Midday in June: the counter went on integrating while the panel was offline.
        assertThat(energy).isGreaterThan(SimRuns.json(lastBuffered).get("energy_wh").asDouble());
        assertThat(SimRuns.json(lastBuffered).get("energy_wh").asDouble())
                .isGreaterThan(energyBefore(offline, ONSET.toEpochMilli()));
    }

    @Test
    void shouldLeaveTheOtherDevicesUntouched() {
        Predicate<Message> others = m -> !OFFLINE.contains(m.key());

        List<Message> online = ONLINE.stream().filter(others).toList();
        List<Message> withOutage = WITH_OUTAGE.stream().filter(others).toList();

        assertThat(withOutage).isNotEmpty().containsExactlyElementsOf(online);
        assertThat(withOutage).extracting(Message::key).contains("P-00001", "W-0006", "L-0003");
    }

    @Test
    void shouldSendTheSameMessagesOnlyLaterInTheOrder() {
        assertThat(WITH_OUTAGE).hasSameSizeAs(ONLINE).containsExactlyInAnyOrderElementsOf(ONLINE);
        assertThat(WITH_OUTAGE).isNotEqualTo(ONLINE);
    }

    private static void shouldBufferAndReleaseEverything(String id, String twinId) {
        long onset = ONSET.toEpochMilli();
        long end = END.toEpochMilli();
        List<Message> online = of(ONLINE, id);
        List<Message> offline = of(WITH_OUTAGE, id);
        List<Message> duringOutage =
                offline.stream().filter(m -> m.eventMs() >= onset && m.eventMs() < end).toList();

        // Exactly what it measured, in its own order, with the original timestamps.
        assertThat(offline).containsExactlyElementsOf(online);
        assertThat(duringOutage)
                .hasSize(120)
                .hasSameSizeAs(
                        of(ONLINE, twinId).stream()
                                .filter(m -> m.eventMs() >= onset && m.eventMs() < end)
                                .toList())
                .anyMatch(m -> !m.valid());
        duringOutage.stream()
                .filter(Message::valid)
                .forEach(
                        m -> assertThat(timestamp(m)).isEqualTo(Instant.ofEpochMilli(m.eventMs())));

        // In the send order: nothing while offline, then everything just before the first
        // message after the outage, when the fleet's event time has reached it.
        long clock = Long.MIN_VALUE;
        int reconnection = -1;
        for (int k = 0; k < WITH_OUTAGE.size(); k++) {
            Message m = WITH_OUTAGE.get(k);
            clock = Math.max(clock, m.eventMs());
            if (m.key().equals(id)) {
                assertThat(clock).as("sent at %s", clock).matches(c -> c < onset || c >= end);
                if (reconnection < 0 && m.eventMs() >= end) {
                    reconnection = k;
                }
            }
        }
        assertThat(reconnection).isPositive();
        assertThat(WITH_OUTAGE.subList(reconnection - duringOutage.size(), reconnection))
                .containsExactlyElementsOf(duringOutage);
        assertThat(WITH_OUTAGE.get(reconnection)).isEqualTo(first(online, m -> m.eventMs() >= end));
    }

    private static double energyBefore(List<Message> messages, long ms) {
        return messages.stream()
                .filter(m -> m.eventMs() < ms && m.valid())
                .reduce((a, b) -> b)
                .map(m -> SimRuns.json(m).get("energy_wh").asDouble())
                .orElseThrow();
    }

    private static Instant timestamp(Message m) {
        String t = SimRuns.json(m).get("timestamp").asText();
        return t.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochMilli(Long.parseLong(t))
                : Instant.parse(t);
    }

    private static List<Message> of(List<Message> messages, String id) {
        return messages.stream().filter(m -> m.key().equals(id)).toList();
    }

    private static Message first(List<Message> messages, Predicate<Message> p) {
        return messages.stream().filter(p).findFirst().orElseThrow();
    }
}
