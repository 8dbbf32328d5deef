package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value types refuse what no model can use, and say which input was wrong. */
class InputValidationTest {

    @Test
    void shouldRefuseImpossibleSites() {
        assertThatThrownBy(() -> Site.at(90.5, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> Site.at(0, 181)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new Site(0, 0, 0, -1, 10, 69)).hasMessageContaining("pressure");
        assertThatThrownBy(() -> new Site(0, 0, 0, 1000, Double.NaN, 69))
                .hasMessageContaining("temperature");
    }

    @Test
    void shouldUseTheStandardAtmosphereForPressure() {
        assertThat(Site.standardPressure(0)).isCloseTo(1013.25, within(1e-9));
        // ICAO standard atmosphere tables: 898.76 hPa at 1000 m, 795.01 hPa at 2000 m.
        assertThat(Site.standardPressure(1000)).isCloseTo(898.76, within(0.1));
        assertThat(Site.standardPressure(2000)).isCloseTo(795.01, within(0.1));
        assertThat(Site.at(40, 0, 2000).pressure()).isEqualTo(Site.standardPressure(2000));
    }

    @Test
    void shouldNormaliseAzimuthsAndRefuseTiltsOutOfRange() {
        assertThat(new Plane(30, -90).azimuth()).isEqualTo(270.0);
        assertThat(new Plane(30, 540).azimuth()).isEqualTo(180.0);
        assertThatThrownBy(() -> new Plane(91, 180)).hasMessageContaining("tilt");
        assertThatThrownBy(() -> new Plane(30, Double.POSITIVE_INFINITY))
                .hasMessageContaining("azimuth");
    }

    @Test
    void shouldRefuseNegativeOrInfiniteSamplesAndAlbedoOutOfRange() {
        Instant t = Instant.parse("2026-06-01T12:00:00Z");
        assertThatThrownBy(() -> new IrradianceSample(t, -1, 60)).hasMessageContaining("ghi");
        assertThatThrownBy(() -> new IrradianceSample(t, 1, Double.NaN))
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> new IrradianceSample(null, 1, 60)).hasMessageContaining("time");
        assertThatThrownBy(
                        () ->
                                SkySeries.prepare(
                                        Site.at(0, 0),
                                        List.of(new IrradianceSample(t, 1, 60)),
                                        Transposition.ISOTROPIC,
                                        1.5))
                .hasMessageContaining("albedo");
    }

    @Test
    void shouldReturnFlatForAnEmptySeries() {
        SkySeries empty =
                SkySeries.prepare(Site.at(0, 0), List.of(), Transposition.HAY_DAVIES, 0.2);

        OptimalOrientation optimum = OrientationOptimizer.optimise(empty);

        assertThat(optimum.plane()).isEqualTo(Plane.FLAT);
        assertThat(optimum.irradiation()).isZero();
    }
}
