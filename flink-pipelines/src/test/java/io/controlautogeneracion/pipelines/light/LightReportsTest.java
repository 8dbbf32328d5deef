package io.controlautogeneracion.pipelines.light;

import static io.controlautogeneracion.pipelines.light.LightFixtures.madrid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.panel.ExpectedEnergy;
import io.controlautogeneracion.pipelines.panel.PanelHour;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LightReportsTest {
    private static final Instant NOON = Instant.parse("2026-09-21T11:00:00Z");

    /** Thirty days of clear-sky hourly means before the hour. */
    private static LightHistory clearMonth() {
        LightHistory h = new LightHistory();
        for (int hour = 1; hour <= 30 * 24; hour++) {
            Instant slot = NOON.minusSeconds(3600L * hour);
            h.put("L-1", slot, LightFixtures.clearLux(slot.plusSeconds(1800)));
        }
        return h;
    }

    @Test
    void shouldReportIrradianceEstimatedPowerAndASouthFacingOptimum() {
        LightHour hour = LightFixtures.clear("L-1", NOON, madrid("C-1"));
        LightHistory history = clearMonth();
        LightReports.addRun(List.of(hour), history);

        LightReportRow row =
                new LightReports(LightSettings.defaults()).build(List.of(hour), history).get(0);

        assertThat(row.irradianceWm2()).isCloseTo(row.luxAvg() / 120, within(1e-9));
        assertThat(row.samples()).isEqualTo(12);
        // Around the equinox at 40° N the optimum faces south, tilted near the latitude.
        assertThat(row.optimalAzimuth()).isBetween(165.0, 195.0);
        assertThat(row.optimalTilt()).isBetween(25.0, 50.0);
        // The 1000 Wp reference panel at noon under a clear sky: several hundred watts.
        assertThat(row.estimatedPowerW()).isBetween(600.0, 1000.0);
        assertThat(row.enrichment().clientId()).isEqualTo("C-1");
    }

    @Test
    void shouldLeaveEstimatesNullWithoutALocation() {
        LightHour hour = LightFixtures.clear("L-1", NOON, CatalogFacts.UNKNOWN);
        LightReportRow row =
                new LightReports(LightSettings.defaults())
                        .build(List.of(hour), new LightHistory())
                        .get(0);
        assertThat(row.estimatedPowerW()).isNull();
        assertThat(row.optimalTilt()).isNull();
        assertThat(row.luxAvg()).isPositive();
    }

    @Test
    void shouldExpectThePanelsEnergyFromItsClientsSensor() {
        LightHour light = LightFixtures.clear("L-1", NOON, madrid("C-1"));
        SensorLightExpectation expectation =
                new SensorLightExpectation(List.of(light), LightSettings.defaults().estimator());
        CatalogFacts panel = LightFixtures.madridPanel("C-1");
        ExpectedEnergy e =
                expectation.expected(
                        new PanelHour("P-1", NOON, 100, PanelQuality.complete(60), panel));
        assertThat(e.basis()).isEqualTo("light sensor L-1");
        assertThat(e.energyWh()).isBetween(250.0, 400.0);
        CatalogFacts otherClient = LightFixtures.madridPanel("C-2");
        assertThat(
                        expectation.expected(
                                new PanelHour(
                                        "P-2", NOON, 100, PanelQuality.complete(60), otherClient)))
                .isNull();
    }

    @Test
    void shouldExpectNothingFromAFrozenSensorOrFromLightAfterSunset() {
        CatalogFacts panel = LightFixtures.madridPanel("C-1");
        // Stuck at a bright value: no expectation (the panel's own history judges it instead).
        LightHour frozen =
                LightFixtures.hour("L-1", NOON, madrid("C-1"), LightFixtures.constant(40_000));
        assertThat(frozen.frozen()).isTrue();
        assertThat(
                        new SensorLightExpectation(
                                        List.of(frozen), LightSettings.defaults().estimator())
                                .expected(
                                        new PanelHour(
                                                "P-1",
                                                NOON,
                                                100,
                                                PanelQuality.complete(60),
                                                panel)))
                .isNull();

        // 21:00 UTC in June at Madrid, after sunset: a street lamp's 300 lux expect nothing.
        Instant evening = Instant.parse("2026-06-21T21:00:00Z");
        double[] lamp = new double[LightHour.BINS];
        for (int i = 0; i < lamp.length; i++) {
            lamp[i] = 300 + (i % 2);
        }
        LightHour night = LightFixtures.hour("L-1", evening, madrid("C-1"), lamp);
        ExpectedEnergy e =
                new SensorLightExpectation(List.of(night), LightSettings.defaults().estimator())
                        .expected(
                                new PanelHour("P-1", evening, 0, PanelQuality.complete(60), panel));
        assertThat(e.energyWh()).isZero();
    }
}
