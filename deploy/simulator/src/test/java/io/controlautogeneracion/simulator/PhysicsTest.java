package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.solar.Spa;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static List<Message> day(String date, String... ids) {
        Instant from = Instant.parse(date + "T00:00:00Z");
        return SimRuns.run(
                SimRuns.only(ids),
                SimRuns.config(7, MINUTE, MINUTE, Duration.ofMinutes(1), 0, Faults.none()),
                from,
                from.plus(Duration.ofDays(1)));
    }

    /** Energy over the day from the counter (kWh). */
    private static double dailyKwh(List<Message> messages, String id) {
        List<JsonNode> readings =
                messages.stream().filter(m -> m.key().equals(id)).map(SimRuns::json).toList();
        double first = readings.get(0).get("energy_wh").asDouble();
        double last = readings.get(readings.size() - 1).get("energy_wh").asDouble();
        return (last - first) / 1000;
    }

    @Test
    void shouldSendNoPowerAndNoLightWhileTheSunIsDown() {
        String[] ids = {"P-00001", "P-00062", "P-00040", "L-0001", "L-0005"};
        for (String date : List.of("2026-06-21", "2026-12-21")) {
            int day = 0;
            for (Message m : day(date, ids)) {
                SimDevice d = SimRuns.device(m.key());
                double elevation =
                        Spa.position(
                                        Instant.ofEpochMilli(m.eventMs()),
                                        d.siteAt(m.eventMs()).solar())
                                .elevation();
                JsonNode v = SimRuns.json(m);
                double value = v.get(m.kind() == DeviceKind.PANEL ? "power_w" : "lux").asDouble();
                if (elevation <= 0) {
                    assertThat(value)
                            .as("%s at %s", m.key(), Instant.ofEpochMilli(m.eventMs()))
                            .isZero();
                } else if (elevation > 20 && value > 0) {
                    day++;
                }
            }
            assertThat(day).as("readings above zero by day on %s", date).isGreaterThan(500);
        }
    }

    @Test
    void shouldProducePlausibleDailyEnergyForSeasonAndLatitude() {
        // P-00001: 400 Wp, Madrid, tilt 31°, azimuth 194°.
        double june = dailyKwh(day("2026-06-15", "P-00001"), "P-00001");
        double december = dailyKwh(day("2026-12-15", "P-00001"), "P-00001");

        assertThat(june).isBetween(1.5, 3.5);
        assertThat(december).isBetween(0.2, 2.0).isLessThan(june);
    }

    @Test
    void shouldAverageSeasonalYieldsLikeSpain() {
        // Over a fortnight the clouds average out: kWh per kWp and day about 5–7 in June, 2–4.5
        // in December for a south-facing panel in Madrid.
        for (String[] season :
                new String[][] {{"2026-06-08", "5", "7.5"}, {"2026-12-08", "1.8", "4.5"}}) {
            Instant from = Instant.parse(season[0] + "T00:00:00Z");
            List<Message> m =
                    SimRuns.run(
                            SimRuns.only("P-00001"),
                            SimRuns.config(
                                    3, Duration.ofMinutes(5), MINUTE, MINUTE, 0, Faults.none()),
                            from,
                            from.plus(Duration.ofDays(14)));
            double perKwpDay = dailyKwh(m, "P-00001") / 14 / 0.4;
            assertThat(perKwpDay)
                    .as(season[0])
                    .isBetween(Double.parseDouble(season[1]), Double.parseDouble(season[2]));
        }
    }

    @Test
    void shouldPeakLightNearSolarNoon() {
        for (String id : List.of("L-0001", "L-0002", "L-0005")) {
            List<Message> m = day("2026-06-21", id);
            SimDevice d = SimRuns.device(id);
            long peakLux = 0;
            long peakSun = 0;
            double maxLux = -1;
            double maxElevation = -90;
            for (Message r : m) {
                double lux = SimRuns.json(r).get("lux").asDouble();
                double elevation =
                        Spa.position(
                                        Instant.ofEpochMilli(r.eventMs()),
                                        d.siteAt(r.eventMs()).solar())
                                .elevation();
                if (lux > maxLux) {
                    maxLux = lux;
                    peakLux = r.eventMs();
                }
                if (elevation > maxElevation) {
                    maxElevation = elevation;
                    peakSun = r.eventMs();
                }
            }
            assertThat(Duration.ofMillis(Math.abs(peakLux - peakSun)))
                    .as(id)
                    .isLessThan(Duration.ofHours(2));
            assertThat(maxLux).isBetween(40_000.0, 135_000.0);
        }
    }
}
