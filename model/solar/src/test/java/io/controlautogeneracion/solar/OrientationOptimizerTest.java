package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Optimum orientation over synthetic clear-sky (Haurwitz) years and its invariants. */
class OrientationOptimizerTest {

    private static final Duration STEP = Duration.ofMinutes(10);

    /** A year of Haurwitz clear-sky GHI every 10 minutes at the given place. */
    static List<IrradianceSample> clearSkyYear(Site site) {
        List<IrradianceSample> samples = ClearSkyYear.samples(site, 2025);
        assertThat(samples).hasSize(365 * 24 * 6);
        assertThat(samples.get(1).time())
                .isEqualTo(Instant.parse("2025-01-01T00:00:00Z").plus(STEP));
        return samples;
    }

    @ParameterizedTest
    @EnumSource(Transposition.class)
    void shouldFaceSouthAndTiltALittleBelowTheLatitudeAtFortyNorth(Transposition model) {
        Site madridLike = Site.at(40, -3.7, 650);
        SkySeries series = SkySeries.prepare(madridLike, clearSkyYear(madridLike), model, 0.2);

        OptimalOrientation optimum = OrientationOptimizer.optimise(series);

        assertThat(optimum.plane().azimuth()).isCloseTo(180, within(5.0));
        assertThat(optimum.plane().tilt()).isBetween(25.0, 38.0);
        assertThat(optimum.irradiation()).isGreaterThan(series.horizontalIrradiation() * 1.1);
        assertThat(optimum.evaluations()).isLessThan(2000);
    }

    @Test
    void shouldGiveTheSameOptimumThroughClearSkyYear() {
        Site site = Site.at(40, -3.7, 650);
        OptimalOrientation direct =
                OrientationOptimizer.optimise(
                        SkySeries.prepare(site, clearSkyYear(site), Transposition.ISOTROPIC, 0.2));

        assertThat(ClearSkyYear.optimum(site, 2025, Transposition.ISOTROPIC, 0.2))
                .isEqualTo(direct);
    }

    @Test
    void shouldFaceNorthInTheSouthernHemisphere() {
        Site sydneyLike = Site.at(-34, 151);
        SkySeries series =
                SkySeries.prepare(
                        sydneyLike, clearSkyYear(sydneyLike), Transposition.HAY_DAVIES, 0.2);

        OptimalOrientation optimum = OrientationOptimizer.optimise(series);
        double azimuth = optimum.plane().azimuth();

        assertThat(Math.min(azimuth, 360 - azimuth)).isLessThan(5.0);
        assertThat(optimum.plane().tilt()).isBetween(20.0, 34.0);
    }

    @Test
    void shouldBeatEveryPlaneOfAOneDegreeGridNearTheOptimum() {
        Site observer = Site.at(40, 0);
        SkySeries series =
                SkySeries.prepare(observer, clearSkyYear(observer), Transposition.HAY_DAVIES, 0.2);
        OptimalOrientation optimum = OrientationOptimizer.optimise(series);

        for (double tilt = 20; tilt <= 45; tilt += 1) {
            for (double azimuth = 160; azimuth <= 200; azimuth += 1) {
                assertThat(series.irradiation(new Plane(tilt, azimuth)))
                        .isLessThanOrEqualTo(optimum.irradiation());
            }
        }
    }

    @Test
    void shouldStayFlatUnderAnOvercastSkyWithLowAlbedo() {
        Site observer = Site.at(52, 5);
        List<IrradianceSample> overcast = new ArrayList<>();
        for (IrradianceSample s : clearSkyYear(observer)) {
            // kt ≈ 0.15: Erbs makes it almost all diffuse, and isotropic diffuse is best flat.
            overcast.add(new IrradianceSample(s.time(), s.ghi() * 0.18, s.durationSeconds()));
        }
        SkySeries series = SkySeries.prepare(observer, overcast, Transposition.ISOTROPIC, 0.1);

        OptimalOrientation optimum = OrientationOptimizer.optimise(series);

        assertThat(optimum.plane().tilt()).isLessThan(15.0);
    }

    @Test
    void shouldAgreeSampleBySampleWithTheTotalsAndTheHorizontal() {
        Site observer = Site.at(37.4, -5.9);
        List<IrradianceSample> samples = clearSkyYear(observer).subList(0, 6 * 24 * 30);
        SkySeries series = SkySeries.prepare(observer, samples, Transposition.HAY_DAVIES, 0.25);
        Plane plane = new Plane(33, 170);

        double sum = 0;
        for (double wh : series.irradiationPerSample(plane)) {
            sum += wh;
        }
        double ghi = 0;
        for (IrradianceSample s : samples) {
            ghi += s.ghi() * s.durationSeconds() / 3600 / 1000;
        }

        assertThat(sum / 1000).isCloseTo(series.irradiation(plane), within(1e-9));
        assertThat(series.irradiation(Plane.FLAT)).isCloseTo(ghi, within(1e-9));
        assertThat(series.horizontalIrradiation()).isCloseTo(ghi, within(1e-9));
    }

    @Test
    void shouldMatchTheTranspositionModelForOneSample() {
        Site observer = Site.at(40.4, -3.7);
        Instant t = Instant.parse("2026-05-10T11:00:00Z");
        SolarPosition sun = Spa.position(t, observer);
        double e0 = Extraterrestrial.irradiance(130);
        IrradianceComponents sky = Erbs.decomposeWithExtraterrestrial(700, sun.zenith(), e0);
        Plane plane = new Plane(25, 200);
        double expected =
                Transposition.HAY_DAVIES
                        .planeOfArray(plane, sun.zenith(), sun.azimuth(), sky, e0, 0.2)
                        .global();

        SkySeries series =
                SkySeries.prepare(
                        observer,
                        List.of(new IrradianceSample(t, 700, 3600)),
                        Transposition.HAY_DAVIES,
                        0.2);

        assertThat(series.irradiation(plane) * 1000).isCloseTo(expected, within(1e-9));
    }
}
