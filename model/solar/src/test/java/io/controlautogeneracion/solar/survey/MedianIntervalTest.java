package io.controlautogeneracion.solar.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one rule of a sampling interval ({@link Survey#medianInterval}), pinned where the two medians
 * the project had (the survey's and the hourly panel batch's former {@code HourEnergy}, an upper
 * median with one minute when nothing was left) answered differently.
 */
class MedianIntervalTest {

    private static final Instant T = Instant.parse("2026-06-10T10:00:00Z");

    /** Readings at these seconds after {@link #T}, in order. */
    private static List<LuxReading> at(long... seconds) {
        List<LuxReading> readings = new ArrayList<>();
        for (long s : seconds) {
            readings.add(new LuxReading(T.plusSeconds(s), 1, readings.size() + 1));
        }
        return readings;
    }

    @Test
    void shouldTakeTheMeanOfTheTwoMiddleIntervalsOfAnEvenCount() {
        // Intervals 60, 60, 120, 120: 90 s (the upper median would say 120).
        assertThat(Survey.medianInterval(at(0, 60, 120, 240, 360), Double.POSITIVE_INFINITY))
                .isEqualTo(90.0);
    }

    @Test
    void shouldLeaveOutIntervalsLongerThanTheBound() {
        // Intervals 60, 120, 3600: a gap of an hour moves the median only when it is counted.
        List<LuxReading> readings = at(0, 60, 180, 3780);

        assertThat(Survey.medianInterval(readings, Double.POSITIVE_INFINITY)).isEqualTo(120.0);
        assertThat(Survey.medianInterval(readings, 900)).isEqualTo(90.0);
        assertThat(Survey.medianInterval(readings, 120)).isEqualTo(90.0);
    }

    @Test
    void shouldCountReadingsAtTheSameInstantAsOne() {
        // Intervals 0, 60, 0, 60: without the zeros, 60 s (with them, 30).
        assertThat(Survey.medianInterval(at(0, 0, 60, 60, 120), Double.POSITIVE_INFINITY))
                .isEqualTo(60.0);
    }

    @Test
    void shouldHaveNoIntervalWithoutTwoReadingsWithinTheBound() {
        assertThat(Survey.medianInterval(at(0), Double.POSITIVE_INFINITY)).isNaN();
        assertThat(Survey.medianInterval(at(0, 0), Double.POSITIVE_INFINITY)).isNaN();
        assertThat(Survey.medianInterval(at(0, 3600, 7200), 900)).isNaN();
    }

    @Test
    void shouldBoundTheGapByEveryIntervalAndTakeTheRateFromThoseWithinIt() {
        // Intervals 60, 120, 180, 10000. The bound cannot be known before it is worked out, so
        // it comes from every interval (median 150 s, twice that under 15 min: 15 min); the rate
        // from those within it (60, 120, 180: 120 s).
        List<LuxReading> readings = at(0, 60, 180, 360, 10360);
        SurveyOptions options = SurveyOptions.parse("--lat", "40", "--lon", "0", "r.csv");

        assertThat(Survey.medianInterval(readings, Double.POSITIVE_INFINITY)).isEqualTo(150.0);
        assertThat(Survey.maxGap(options, readings)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Survey.nominalInterval(readings, Duration.ofMinutes(15))).isEqualTo(120.0);
        assertThatThrownBy(() -> Survey.nominalInterval(at(0, 3600), Duration.ofMinutes(15)))
                .isInstanceOf(SurveyInputException.class)
                .hasMessageContaining("raise --max-gap");
    }
}
