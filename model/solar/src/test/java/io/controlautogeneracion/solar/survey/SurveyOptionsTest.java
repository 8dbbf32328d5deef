package io.controlautogeneracion.solar.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.solar.Transposition;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command-line options of the site survey. */
class SurveyOptionsTest {

    @Test
    void shouldApplyTheDocumentedDefaults() {
        SurveyOptions o = SurveyOptions.parse("--lat", "40.4", "--lon=-3.7", "r.csv");

        assertThat(o.latitude()).isEqualTo(40.4);
        assertThat(o.longitude()).isEqualTo(-3.7);
        assertThat(o.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(o.powerCapWp()).isEqualTo(1000);
        assertThat(o.luxPerWm2()).isEqualTo(120);
        assertThat(o.performanceRatio()).isEqualTo(0.8);
        assertThat(o.albedo()).isEqualTo(0.2);
        assertThat(o.model()).isEqualTo(Transposition.HAY_DAVIES);
        assertThat(o.maxGap()).isEmpty(); // follows the file's sampling
        assertThat(o.csv()).isEqualTo("r.csv");
    }

    @Test
    void shouldReadEveryOption() {
        SurveyOptions o =
                SurveyOptions.parse(
                        "--lat",
                        "28.1",
                        "--lon",
                        "-15.4",
                        "--tz",
                        "Atlantic/Canary",
                        "--power-cap",
                        "450",
                        "--lux-per-wm2",
                        "110",
                        "--performance-ratio",
                        "0.85",
                        "--albedo",
                        "0.3",
                        "--elevation",
                        "120",
                        "--model",
                        "isotropic",
                        "--max-gap",
                        "5",
                        "-");

        assertThat(o.zone()).isEqualTo(ZoneId.of("Atlantic/Canary"));
        assertThat(o.powerCapWp()).isEqualTo(450);
        assertThat(o.luxPerWm2()).isEqualTo(110);
        assertThat(o.performanceRatio()).isEqualTo(0.85);
        assertThat(o.albedo()).isEqualTo(0.3);
        assertThat(o.elevation()).isEqualTo(120);
        assertThat(o.model()).isEqualTo(Transposition.ISOTROPIC);
        assertThat(o.maxGap()).contains(Duration.ofMinutes(5));
        assertThat(o.csv()).isEqualTo("-");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--lon 3 r.csv|Missing required option: '--lat=DEG'",
                "--lat 40 --lon 3|Missing required parameter: 'READINGS.csv'",
                "--lat 91 --lon 3 r.csv|--lat must be within [-90.0, 90.0], got 91.0",
                "--lat north --lon 3 r.csv|Invalid value for option '--lat': 'north' is not a"
                        + " double",
                "--lat 40 --lon 3 --tz Mars/Olympus r.csv|Invalid value for option '--tz':"
                        + " 'Mars/Olympus' is not a time zone id",
                "--lat 40 --lon 3 --model perez r.csv|Invalid value for option '--model': must be"
                        + " hay-davies or isotropic, got perez",
                "--lat 40 --lon 3 --colour red r.csv|Unknown options: '--colour'",
                "--lat 40 --lon 3 --lat 41 r.csv|option '--lat' (DEG) should be specified only"
                        + " once",
                "--lat 40 --lon 3 a.csv b.csv|Unmatched argument at index 5: 'b.csv'",
                "--lat 40 --lon 3 --performance-ratio 1.2 r.csv|--performance-ratio must be within",
                "--lat 40 --lon 3 r.csv --albedo|Missing required parameter for option '--albedo'"
                        + " (A)"
            })
    void shouldExplainWhatIsWrong(String args, String message) {
        assertThatThrownBy(() -> SurveyOptions.parse(args.split(" ")))
                .isInstanceOf(SurveyInputException.class)
                .hasMessageStartingWith(message);
    }
}
