package io.controlautogeneracion.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Spencer's E0 against the SPA Earth–Sun distance; Haurwitz's clear sky at its edges. */
class ExtraterrestrialAndClearSkyTest {

    @Test
    void shouldFollowTheEarthSunDistanceOfTheSpaWithinFifteenHundredthsOfAPercent() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (; day.getYear() == 2026; day = day.plusDays(1)) {
            Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
            double r = Spa.geocentric(noon, 69).radiusVector();
            double expected = Extraterrestrial.SOLAR_CONSTANT / (r * r);

            assertThat(Extraterrestrial.irradiance(day.getDayOfYear()) / expected)
                    .as("day %s", day)
                    .isCloseTo(1.0, within(1.5e-3));
        }
    }

    @Test
    void shouldPeakInEarlyJanuaryAndBottomOutInEarlyJuly() {
        assertThat(Extraterrestrial.irradiance(1)).isCloseTo(1413.98, within(0.01));
        assertThat(Extraterrestrial.irradiance(184)).isBetween(1318.0, 1322.0);
        assertThatThrownBy(() -> Extraterrestrial.irradiance(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveAClearSkyThatVanishesAtNightAndPeaksNearAThousandWatts() {
        assertThat(ClearSky.haurwitz(95)).isZero();
        assertThat(ClearSky.haurwitz(0)).isCloseTo(1098 * Math.exp(-0.059), within(1e-9));
        assertThat(ClearSky.haurwitz(60)).isLessThan(ClearSky.haurwitz(30));
    }
}
