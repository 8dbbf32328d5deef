package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Erbs against pvlib's test_erbs reference values and the correlation's own shape. */
class ErbsTest {

    @ParameterizedTest
    @CsvSource({ // ghi, zenith, day of year (2019-01-01, 2019-06-20) -> dni, dhi, kt (pvlib)
        "0, 120, 1, 0, 0, 0",
        "50, 85, 1, 96.7192672, 41.5703604, 0.405723511",
        "1000, 10, 1, 794.205651, 217.860117, 0.718132729",
        "1000, 10, 171, 842.001578, 170.790318, 0.768214312"
    })
    void shouldMatchPvlibReferenceValues(
            double ghi, double zenith, int day, double dni, double dhi, double kt) {
        IrradianceComponents c = Erbs.decompose(ghi, zenith, day);

        assertThat(c.dni()).isCloseTo(dni, within(1e-5));
        assertThat(c.dhi()).isCloseTo(dhi, within(1e-5));
        assertThat(c.clearnessIndex()).isCloseTo(kt, within(1e-8));
    }

    @ParameterizedTest
    @CsvSource({ // the three branches of Erbs et al. (1982) eq. 1
        "0.0, 1.0",
        "0.2, 0.982",
        "0.5, 0.65915",
        "0.8, 0.1652696",
        "0.81, 0.165",
        "1.0, 0.165"
    })
    void shouldFollowThePiecewiseCorrelation(double kt, double fraction) {
        double expected =
                kt > 0.22 && kt <= 0.8
                        ? 0.9511
                                - 0.1604 * kt
                                + 4.388 * kt * kt
                                - 16.638 * Math.pow(kt, 3)
                                + 12.336 * Math.pow(kt, 4)
                        : fraction;
        assertThat(Erbs.diffuseFraction(kt)).isCloseTo(expected, within(1e-12));
        assertThat(Erbs.diffuseFraction(kt)).isCloseTo(fraction, within(1e-9));
    }

    @Test
    void shouldBeNearlyContinuousAtTheBranchPoints() {
        assertThat(Erbs.diffuseFraction(0.2200001) - Erbs.diffuseFraction(0.22))
                .isCloseTo(0, within(3e-3));
        assertThat(Erbs.diffuseFraction(0.8) - Erbs.diffuseFraction(0.8000001))
                .isCloseTo(0, within(1e-3));
    }

    @Test
    void shouldKeepClosureAndNonNegativityOverTheWholeDomain() {
        for (int zenith = 0; zenith <= 86; zenith += 2) {
            for (int ghi = 0; ghi <= 1400; ghi += 20) {
                IrradianceComponents c = Erbs.decompose(ghi, zenith, 100);
                double cos = Math.cos(Math.toRadians(zenith));

                assertThat(c.dni()).isGreaterThanOrEqualTo(0);
                assertThat(c.dhi()).isBetween(0.0, (double) ghi);
                assertThat(c.dni() * cos + c.dhi()).isCloseTo(ghi, within(1e-9));
                assertThat(c.clearnessIndex()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void shouldMakeEverythingDiffuseWithTheSunLowOrDown() {
        for (double zenith : new double[] {87.01, 89.9, 95, 150}) {
            IrradianceComponents c = Erbs.decompose(30, zenith, 200);
            assertThat(c.dni()).isZero();
            assertThat(c.dhi()).isEqualTo(30);
        }
        assertThat(Erbs.decompose(-5, 30, 200).dhi()).isZero();
    }
}
