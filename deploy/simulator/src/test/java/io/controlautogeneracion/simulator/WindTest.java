package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindTest {

    @Test
    void shouldLetOccasionalStormsCrossTheWarningAndStormThresholds() {
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        List<SimDevice> winds =
                SimRuns.FLEET.stream().filter(d -> d.kind() == DeviceKind.WIND).toList();
        List<Message> m =
                SimRuns.run(
                        winds,
                        SimRuns.config(
                                9,
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(1),
                                0,
                                Faults.none()),
                        from,
                        from.plus(Duration.ofDays(4)));
        List<JsonNode> readings = m.stream().map(SimRuns::json).toList();
        long warning = readings.stream().filter(r -> r.get("wind_speed").asDouble() >= 15).count();
        long storm = readings.stream().filter(r -> r.get("wind_speed").asDouble() >= 25).count();
        long devicesInStorm =
                m.stream()
                        .filter(r -> SimRuns.json(r).get("wind_speed").asDouble() >= 25)
                        .map(Message::key)
                        .distinct()
                        .count();

        assertThat(storm).isPositive();
        assertThat(devicesInStorm).isGreaterThanOrEqualTo(2);
        // Occasional: a few per cent of the time at most.
        assertThat((double) warning / readings.size()).isBetween(0.001, 0.08);
        assertThat(readings)
                .allSatisfy(
                        r -> {
                            assertThat(r.get("gust").asDouble())
                                    .isGreaterThanOrEqualTo(r.get("wind_speed").asDouble());
                            assertThat(r.get("wind_direction").asDouble()).isBetween(0.0, 360.0);
                        });
    }

    @Test
    void shouldShareStormsBetweenAnemometersOfARegion() {
        Wind wind = new Wind(new Noise(9));
        SimSite madrid = SimSite.of("a", 40.41, -3.70);
        SimSite nearby = SimSite.of("b", 40.47, -3.71);
        for (long t = 0; t < 86_400_000L * 3; t += 600_000) {
            assertThat(wind.regional(nearby, t))
                    .isCloseTo(wind.regional(madrid, t), org.assertj.core.data.Offset.offset(0.01));
        }
    }
}
