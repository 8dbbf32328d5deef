package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HourEnergyTest {
    private static final long H = 1_780_000_000_000L / 3_600_000L * 3_600_000L;
    private static final long MIN = 60_000L;
    private static final long GAP = HourEnergy.DEFAULT_MAX_GAP_MS;

    private static PanelSamples everyMinute(double watts) {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m < 60; m++) {
            s.add(H + m * MIN, watts, null);
        }
        return s;
    }

    @Test
    void shouldIntegrateConstantPowerOverAFullHour() {
        HourEnergy e = HourEnergy.of(H, everyMinute(600), GAP);
        assertThat(e.energyWh()).isCloseTo(600, within(1e-9));
        assertThat(e.samples()).isEqualTo(60);
        assertThat(e.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldWeightEachReadingByTheTimeUntilTheNext() {
        PanelSamples s = new PanelSamples();
        s.add(H, 100, null);
        s.add(H + 10 * MIN, 400, null); // 100 W held 10 min, then 400 W held 5 min
        s.add(H + 15 * MIN, 0, null);
        for (int m = 20; m < 60; m += 5) {
            s.add(H + m * MIN, 0, null);
        }
        HourEnergy e = HourEnergy.of(H, s, GAP);
        assertThat(e.energyWh()).isCloseTo(100.0 / 6 + 400.0 / 12, within(1e-9));
        assertThat(e.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldNotBridgeAGapLongerThanFifteenMinutes() {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m < 10; m++) {
            s.add(H + m * MIN, 600, null);
        }
        // 40 minutes without readings: the last reading before it stands for one minute only.
        for (int m = 50; m < 60; m++) {
            s.add(H + m * MIN, 600, null);
        }
        HourEnergy e = HourEnergy.of(H, s, GAP);
        assertThat(e.energyWh()).isCloseTo(600.0 * 20 / 60, within(1e-9));
        assertThat(e.coverage()).isCloseTo(20.0 / 60, within(1e-9));
    }

    @Test
    void shouldBridgeAGapOfExactlyFifteenMinutes() {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m < 60; m += 15) {
            s.add(H + m * MIN, 400, null);
        }
        HourEnergy e = HourEnergy.of(H, s, GAP);
        assertThat(e.energyWh()).isCloseTo(400, within(1e-9));
        assertThat(e.coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldUseTheCounterDeltaWhenReadingsCarryOne() {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m < 60; m++) {
            // power says 1000 W but the counter says 5 Wh a minute: the counter wins.
            s.add(H + m * MIN, 1000, 12_000.0 + 5 * m);
        }
        HourEnergy e = HourEnergy.of(H, s, GAP);
        // 59 counter deltas plus the last minute held at the last reading's power.
        assertThat(e.energyWh()).isCloseTo(59 * 5 + 1000.0 / 60, within(1e-9));
        assertThat(e.counterResets()).isZero();
    }

    @Test
    void shouldCountTheCounterAcrossAGapBecauseItLosesNothing() {
        PanelSamples s = new PanelSamples();
        s.add(H, 0, 100.0);
        s.add(H + 40 * MIN, 0, 300.0);
        s.add(H + 41 * MIN, 0, 305.0);
        HourEnergy e = HourEnergy.of(H, s, GAP);
        assertThat(e.energyWh()).isCloseTo(205, within(1e-9));
    }

    @Test
    void shouldDetectACounterResetAndNeverReportNegativeEnergy() {
        PanelSamples s = new PanelSamples();
        s.add(H, 0, 50_000.0);
        s.add(H + MIN, 0, 50_010.0);
        s.add(H + 2 * MIN, 0, 4.0); // the device restarted its counter
        s.add(H + 3 * MIN, 0, 9.0);
        HourEnergy e = HourEnergy.of(H, s, GAP);
        assertThat(e.energyWh()).isCloseTo(10 + 4 + 5, within(1e-9));
        assertThat(e.counterResets()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreDuplicatesAndArrivalOrder() {
        PanelSamples ordered = everyMinute(300);
        PanelSamples shuffled = new PanelSamples();
        for (int m = 59; m >= 0; m--) {
            shuffled.add(H + m * MIN, 300, null);
            if (m % 3 == 0) {
                shuffled.add(H + m * MIN, 300, null);
            }
        }
        assertThat(HourEnergy.of(H, shuffled, GAP)).isEqualTo(HourEnergy.of(H, ordered, GAP));
    }

    @Test
    void shouldKeepTheLowerOfTwoConflictingReadingsWhateverTheirOrder() {
        PanelSamples a = everyMinute(300);
        a.add(H + 30 * MIN, 900, null);
        PanelSamples b = new PanelSamples();
        b.add(H + 30 * MIN, 900, null);
        b.merge(everyMinute(300));
        assertThat(HourEnergy.of(H, a, GAP)).isEqualTo(HourEnergy.of(H, b, GAP));
        assertThat(HourEnergy.of(H, a, GAP).energyWh()).isCloseTo(300, within(1e-9));
    }

    @Test
    void shouldClipTheLastReadingToTheEndOfTheHour() {
        PanelSamples s = new PanelSamples();
        s.add(H + 50 * MIN, 600, null);
        s.add(H + 55 * MIN, 600, null);
        s.add(H + 59 * MIN + 30_000, 600, null);
        HourEnergy e = HourEnergy.of(H, s, GAP);
        // 5 min + 4.5 min + the last 30 s (its usual 5 min clipped at the hour's end)
        assertThat(e.energyWh()).isCloseTo(600.0 * 10 / 60, within(1e-9));
        assertThat(e.coverage()).isCloseTo(10.0 / 60, within(1e-9));
    }

    @Test
    void shouldGiveNothingForAnHourWithoutReadings() {
        assertThat(HourEnergy.of(H, new PanelSamples(), GAP)).isEqualTo(new HourEnergy(0, 0, 0, 0));
    }
}
