package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC §6 light-sensor estimates. */
class LightEstimatorTest {

    private static final Instant NOON_MADRID = Instant.parse("2026-06-21T12:15:00Z");

    @Test
    void shouldTurnLuxIntoGhiAndAFlatPanelsPower() {
        LightEstimator estimator = new LightEstimator();

        LightEstimate e = estimator.estimate(40.4, -3.7, 0, 180, 400, NOON_MADRID, 96_000);

        assertThat(e.ghi()).isEqualTo(800.0);
        assertThat(e.poa()).isCloseTo(800.0, within(1e-9));
        assertThat(e.powerW()).isCloseTo(400 * 800 / 1000.0 * 0.8, within(1e-9));
        assertThat(e.dni() * Math.cos(Math.toRadians(e.zenith())) + e.dhi())
                .isCloseTo(800, within(1e-9));
        assertThat(e.zenith()).isBetween(16.0, 20.0);
    }

    @Test
    void shouldUseTheConfiguredFactorAndPerformanceRatio() {
        LightEstimator estimator = new LightEstimator(100, 0.9, 0.2, Transposition.ISOTROPIC, 69);

        LightEstimate e = estimator.estimate(40.4, -3.7, 0, 180, 1000, NOON_MADRID, 50_000);

        assertThat(e.ghi()).isEqualTo(500.0);
        assertThat(e.powerW()).isCloseTo(1000 * 500 / 1000.0 * 0.9, within(1e-9));
    }

    @Test
    void shouldGiveMoreToAPanelFacingTheSunThanToOneFacingAway() {
        LightEstimator estimator = new LightEstimator();
        Instant winterNoon = Instant.parse("2026-12-21T12:15:00Z");

        double south = estimator.estimate(40.4, -3.7, 40, 180, 1, winterNoon, 60_000).poa();
        double flat = estimator.estimate(40.4, -3.7, 0, 180, 1, winterNoon, 60_000).poa();
        double north = estimator.estimate(40.4, -3.7, 40, 0, 1, winterNoon, 60_000).poa();

        assertThat(south).isGreaterThan(flat).isGreaterThan(north);
    }

    @Test
    void shouldEstimateNothingAtNightOrFromNegativeReadings() {
        LightEstimator estimator = new LightEstimator();
        Instant night = Instant.parse("2026-06-21T23:00:00Z");

        assertThat(estimator.estimate(40.4, -3.7, 30, 180, 1000, night, 0).powerW()).isZero();
        assertThat(estimator.ghiFromLux(-12)).isZero();
    }

    @Test
    void shouldRejectNonsenseSettings() {
        assertThatThrownBy(() -> new LightEstimator(0, 0.8, 0.2, Transposition.HAY_DAVIES, 69))
                .hasMessageContaining("lux per W/m²");
        assertThatThrownBy(() -> new LightEstimator(120, 1.5, 0.2, Transposition.HAY_DAVIES, 69))
                .hasMessageContaining("performance ratio");
        assertThatThrownBy(() -> new LightEstimator().estimate(91, 0, 0, 180, 1, NOON_MADRID, 1))
                .hasMessageContaining("latitude");
    }

    @Test
    void shouldSurviveJavaSerializationForUseInsideAJob() throws Exception {
        LightEstimator estimator = new LightEstimator(110, 0.85, 0.3, Transposition.ISOTROPIC, 70);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(estimator);
        }
        LightEstimator copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LightEstimator) in.readObject();
        }

        assertThat(copy.estimate(40, 0, 30, 180, 500, NOON_MADRID, 70_000))
                .isEqualTo(estimator.estimate(40, 0, 30, 180, 500, NOON_MADRID, 70_000));
    }
}
