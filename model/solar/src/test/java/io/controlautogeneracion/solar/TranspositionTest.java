package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Isotropic and Hay-Davies against pvlib's test_irradiance values (Tucson fixture, 40° tilt facing
 * south, dni_extra 1321.1655834833093), ground reflection against pvlib's get_ground_diffuse, and
 * invariants of the models.
 */
class TranspositionTest {

    private static final double DNI_EXTRA = 1321.1655834833093;
    private static final Plane TILT_40_SOUTH = new Plane(40, 180);

    @ParameterizedTest
    @CsvSource({ // apparent zenith, azimuth, ghi, dni, dhi -> isotropic, circumsolar, sky (pvlib)
        "124.0390863, 352.69550699, 0, 0, 0, 0, 0, 0",
        "82.85457044, 66.71410338, 79.73860422, 316.1949056, 40.46149818, 27.1775, 0, 27.1775",
        "10.56413562, 144.76567754, 1042.48031487, 939.95469881, 118.45831879, 30.1818, 72.8130,"
                + " 102.9949",
        "72.41687122, 287.04104128, 257.20751138, 646.22886049, 62.03376265, 27.9837, 5.2071,"
                + " 33.1909"
    })
    void shouldMatchPvlibHayDavies(
            double zenith,
            double azimuth,
            double ghi,
            double dni,
            double dhi,
            double isotropic,
            double circumsolar,
            double sky) {
        PlaneOfArray poa =
                Transposition.HAY_DAVIES.planeOfArray(
                        TILT_40_SOUTH,
                        zenith,
                        azimuth,
                        new IrradianceComponents(ghi, dni, dhi, Double.NaN),
                        DNI_EXTRA,
                        0);

        assertThat(poa.isotropic()).isCloseTo(isotropic, within(1e-4));
        assertThat(poa.circumsolar()).isCloseTo(circumsolar, within(1e-4));
        assertThat(poa.skyDiffuse()).isCloseTo(sky, within(1e-4));
        assertThat(poa.ground()).isZero();
    }

    @ParameterizedTest
    @CsvSource({ // dhi -> isotropic sky diffuse on 40° (pvlib test_isotropic_*)
        "100, 88.30222215594891",
        "0, 0",
        "40.46149818, 35.728402",
        "118.45831879, 104.601328",
        "62.03376265, 54.777191"
    })
    void shouldMatchPvlibIsotropic(double dhi, double expected) {
        PlaneOfArray poa =
                Transposition.ISOTROPIC.planeOfArray(
                        TILT_40_SOUTH, 30, 180, new IrradianceComponents(dhi, 0, dhi, 0), 1361, 0);

        assertThat(poa.skyDiffuse()).isCloseTo(expected, within(1e-6));
        assertThat(poa.circumsolar()).isZero();
    }

    @ParameterizedTest
    @CsvSource({ // ghi, albedo -> ground-reflected on 40° (pvlib get_ground_diffuse)
        "900, 0.25, 26.32000014911496",
        "79.73860422, 0.4, 3.731058",
        "1042.48031487, 0.4, 48.778813",
        "257.20751138, 0.4, 12.035025"
    })
    void shouldMatchPvlibGroundReflection(double ghi, double albedo, double expected) {
        PlaneOfArray poa =
                Transposition.ISOTROPIC.planeOfArray(
                        TILT_40_SOUTH,
                        30,
                        180,
                        new IrradianceComponents(ghi, 0, ghi, 0),
                        1361,
                        albedo);

        assertThat(poa.ground()).isCloseTo(expected, within(1e-6));
    }

    @ParameterizedTest
    @EnumSource(Transposition.class)
    void shouldGiveTheHorizontalPlaneExactlyGhiAndNoGroundReflection(Transposition model) {
        for (int zenith = 0; zenith <= 89; zenith += 1) {
            for (int ghi = 0; ghi <= 1200; ghi += 100) {
                IrradianceComponents sky = Erbs.decompose(ghi, zenith, 172);
                for (double azimuth : new double[] {0, 90, 180, 333}) {
                    PlaneOfArray poa =
                            model.planeOfArray(new Plane(0, azimuth), zenith, 123, sky, 1322, 0.3);

                    assertThat(poa.global()).isCloseTo(ghi, within(1e-9));
                    assertThat(poa.ground()).isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transposition.class)
    void shouldGiveNoBeamToAPlaneFacingAwayFromTheSun(Transposition model) {
        IrradianceComponents sky = Erbs.decompose(800, 40, 172);
        PlaneOfArray away = model.planeOfArray(new Plane(90, 0), 40, 180, sky, 1322, 0.2);
        PlaneOfArray towards = model.planeOfArray(new Plane(90, 180), 40, 180, sky, 1322, 0.2);

        assertThat(away.beam()).isZero();
        assertThat(away.circumsolar()).isZero();
        assertThat(towards.beam())
                .isCloseTo(sky.dni() * Math.sin(Math.toRadians(40)), within(1e-9));
        assertThat(towards.global()).isGreaterThan(away.global());
    }

    @Test
    void shouldShiftDiffuseTowardsTheSunOnlyInHayDavies() {
        IrradianceComponents sky = Erbs.decompose(900, 30, 172);
        Plane facing = new Plane(30, 180);
        PlaneOfArray iso = Transposition.ISOTROPIC.planeOfArray(facing, 30, 180, sky, 1322, 0.2);
        PlaneOfArray hd = Transposition.HAY_DAVIES.planeOfArray(facing, 30, 180, sky, 1322, 0.2);

        assertThat(hd.beam()).isEqualTo(iso.beam());
        assertThat(hd.ground()).isEqualTo(iso.ground());
        assertThat(hd.skyDiffuse()).isGreaterThan(iso.skyDiffuse());
        assertThat(iso.isotropic())
                .isCloseTo(sky.dhi() * (1 + Math.cos(Math.toRadians(30))) / 2, within(1e-9));
    }

    @Test
    void shouldLoseIsotropicSkyAndGainGroundAsTiltGrows() {
        IrradianceComponents sky = new IrradianceComponents(300, 0, 300, 0.2);
        double previousSky = Double.MAX_VALUE;
        double previousGround = -1;
        for (int tilt = 0; tilt <= 90; tilt += 5) {
            PlaneOfArray poa =
                    Transposition.ISOTROPIC.planeOfArray(
                            new Plane(tilt, 180), 60, 180, sky, 1322, 0.2);
            assertThat(poa.skyDiffuse()).isLessThan(previousSky);
            assertThat(poa.ground()).isGreaterThan(previousGround);
            previousSky = poa.skyDiffuse();
            previousGround = poa.ground();
        }
    }
}
