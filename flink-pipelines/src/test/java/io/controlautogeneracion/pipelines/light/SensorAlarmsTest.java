package io.controlautogeneracion.pipelines.light;

import static io.controlautogeneracion.pipelines.light.LightFixtures.constant;
import static io.controlautogeneracion.pipelines.light.LightFixtures.hour;
import static io.controlautogeneracion.pipelines.light.LightFixtures.madrid;
import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.druid.SensorAlarmRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorAlarmsTest {
    // 12:00 in Madrid on the solstice: the sun is some 70° high.
    private static final Instant NOON = Instant.parse("2026-06-21T10:00:00Z");
    private static final SensorAlarms ALARMS = new SensorAlarms(LightSettings.defaults());

    private static List<SensorAlarmRow> judge(LightHour h, LightHistory history) {
        return ALARMS.build(List.of(h), history);
    }

    @Test
    void shouldRaiseANearZeroAlarmWhileTheSunIsHigh() {
        List<SensorAlarmRow> alarms =
                judge(hour("L-1", NOON, madrid("C-1"), constant(5)), new LightHistory());
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).textAlarm()).contains("near zero", "L-1");
        // A clear midsummer noon in Madrid gives the 1 kWp reference panel well over half its
        // peak (lux / 120 ≈ 900 W/m² on the plane, × 0.8); 5 lux gives it nothing.
        assertThat(alarms.get(0).powerLow()).isBetween(500.0, 1000.0);
        assertThat(alarms.get(0).enrichment().clientId()).isEqualTo("C-1");
    }

    @Test
    void shouldStayQuietAtNight() {
        Instant night = Instant.parse("2026-06-21T01:00:00Z");
        assertThat(judge(hour("L-1", night, madrid("C-1"), constant(0)), new LightHistory()))
                .isEmpty();
    }

    @Test
    void shouldRaiseAFrozenAlarmForIdenticalDaylightReadings() {
        List<SensorAlarmRow> alarms =
                judge(hour("L-1", NOON, madrid("C-1"), constant(42_000)), new LightHistory());
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).textAlarm()).contains("frozen at 42000 lux", "12 identical");
        // 42 000 lux is 350 W/m², well under a clear noon's light: a shortfall.
        assertThat(alarms.get(0).powerLow()).isPositive();
    }

    @Test
    void shouldRaiseADropAgainstThePreviousDaysAtTheSameHour() {
        LightHistory history = new LightHistory();
        for (int d = 1; d <= 5; d++) {
            history.put("L-1", NOON.minusSeconds(86_400L * d), 90_000 + d);
        }
        double[] dim = constant(5_000);
        dim[3] = 5_500; // not frozen
        List<SensorAlarmRow> alarms = judge(hour("L-1", NOON, madrid("C-1"), dim), history);
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).textAlarm()).contains("same hour on 5 previous days");
        assertThat(alarms.get(0).powerLow()).isPositive();
    }

    @Test
    void shouldNotAlarmOnAnOrdinaryBrightHour() {
        LightHistory history = new LightHistory();
        for (int d = 1; d <= 5; d++) {
            history.put("L-1", NOON.minusSeconds(86_400L * d), 90_000);
        }
        assertThat(judge(LightFixtures.clear("L-1", NOON, madrid("C-1")), history)).isEmpty();
    }
}
