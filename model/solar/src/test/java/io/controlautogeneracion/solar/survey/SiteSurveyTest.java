package io.controlautogeneracion.solar.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.solar.ClearSky;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.Spa;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site survey end to end: CSV in, JSON and exit code out. */
class SiteSurveyTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return SiteSurvey.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** Clear-sky lux every minute over whole local days in Madrid. */
    private Path clearSkyDays(String firstDay, int days) throws Exception {
        Site madrid = Site.at(40.4, -3.7, 650);
        StringBuilder csv = new StringBuilder("timestamp,lux\n");
        ZonedDateTime start = ZonedDateTime.parse(firstDay + "T00:00:00+02:00[Europe/Madrid]");
        for (ZonedDateTime t = start; t.isBefore(start.plusDays(days)); t = t.plusMinutes(1)) {
            double ghi = ClearSky.haurwitz(Spa.position(t.toInstant(), madrid).zenith());
            csv.append(t.toOffsetDateTime()).append(',').append(Math.round(ghi * 120)).append('\n');
        }
        Path file = dir.resolve("clear.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void shouldReportTheOptimumAndDailyTotalsForClearSummerDays() throws Exception {
        Path csv = clearSkyDays("2026-06-10", 3);

        int code =
                run(
                        "",
                        "--lat",
                        "40.4",
                        "--lon",
                        "-3.7",
                        "--elevation",
                        "650",
                        "--tz",
                        "Europe/Madrid",
                        "--power-cap",
                        "400",
                        csv.toString());

        assertThat(code).isZero();
        JsonNode report = json();
        JsonNode optimal = report.get("optimal");
        // In June the sun is high: the best plane for these days alone is nearly flat, south.
        assertThat(optimal.get("tilt_deg").asDouble()).isBetween(0.0, 20.0);
        assertThat(optimal.get("azimuth_deg").asDouble()).isCloseTo(180, within(20.0));
        assertThat(report.get("daily")).hasSize(3);
        assertThat(report.get("daily").get(0).get("date").asText()).isEqualTo("2026-06-10");
        assertThat(report.get("daily").get(0).get("readings").asInt()).isEqualTo(1440);
        assertThat(report.get("daily").get(0).get("ghi_kwh_m2").asDouble()).isBetween(7.0, 9.0);
        double flatIrradiation = report.get("flat").get("irradiation_kwh_m2").asDouble();
        assertThat(report.get("flat").get("energy_kwh").asDouble())
                .isCloseTo(0.4 * flatIrradiation * 0.8, within(0.002));
        double dailySum = 0;
        for (JsonNode day : report.get("daily")) {
            dailySum += day.get("energy_optimal_kwh").asDouble();
        }
        assertThat(dailySum)
                .isCloseTo(report.get("optimal").get("energy_kwh").asDouble(), within(0.005));
        assertThat(report.get("gain_over_flat_percent").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(report.get("period").get("covered_hours").asDouble()).isEqualTo(72.0);
        // The whole year, by contrast, favours a plane tilted nearly as much as the latitude.
        JsonNode year = report.get("clear_sky_year_optimum");
        assertThat(year.get("tilt_deg").asDouble()).isBetween(28.0, 38.0);
        assertThat(year.get("azimuth_deg").asDouble()).isCloseTo(180, within(5.0));
    }

    @Test
    void shouldIntegrateEachReadingOverItsIntervalWithoutBridgingGaps() throws Exception {
        // 1000 W/m² (120,000 lux) for 60 one-minute readings, a 2 h hole, then 30 more.
        List<String> lines = new ArrayList<>();
        Instant t = Instant.parse("2026-06-10T10:00:00Z");
        for (int i = 0; i < 90; i++) {
            Instant at = i < 60 ? t.plusSeconds(60L * i) : t.plusSeconds(3 * 3600 + 60L * i);
            lines.add(at.toEpochMilli() + ",120000");
        }

        int code = run(String.join("\n", lines), "--lat", "40", "--lon", "0", "-");

        assertThat(code).isZero();
        JsonNode period = json().get("period");
        assertThat(period.get("covered_hours").asDouble()).isEqualTo(1.5);
        assertThat(period.get("gaps_over_max").asInt()).isEqualTo(1);
        assertThat(period.get("sampling_interval_s").asDouble()).isEqualTo(60.0);
        assertThat(json().get("flat").get("irradiation_kwh_m2").asDouble()).isEqualTo(1.5);
    }

    @Test
    void shouldGroupDaysInTheGivenTimeZone() throws Exception {
        String csv =
                "2026-06-10T23:58:00+02:00,0\n"
                        + "2026-06-10T23:59:00+02:00,0\n"
                        + "2026-06-11T00:00:00+02:00,0\n"
                        + "2026-06-11T00:01:00+02:00,0\n";

        run(csv, "--lat", "40", "--lon", "0", "--tz", "Europe/Madrid", "-");
        JsonNode madrid = json().get("daily");
        out.reset();
        run(csv, "--lat", "40", "--lon", "0", "-");
        JsonNode utc = json().get("daily");

        assertThat(madrid).hasSize(2);
        assertThat(utc).hasSize(1);
        assertThat(utc.get(0).get("date").asText()).isEqualTo("2026-06-10");
        assertThat(json().get("gain_over_flat_percent").isNull()).isTrue();
    }

    @Test
    void shouldExitTwoWithTheLineNumberAndNoStackTraceOnBadInput() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "timestamp,lux\n2026-06-10T10:00:00Z,1\n2026-06-10 10:01,2\n");

        int code = run("", "--lat", "40", "--lon", "0", csv.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("site-survey: " + csv + ":3: timestamp '2026-06-10 10:01'")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("usage:"); // the options were right
    }

    @Test
    void shouldExitTwoOnAMissingFileOrBadOptionsAndZeroOnHelp() {
        assertThat(run("", "--lat", "40", "--lon", "0", dir.resolve("none.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.csv: no such file");
        err.reset();
        assertThat(run("", "--lat", "40", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Missing required option: '--lon=DEG'")
                .contains("usage: site-survey");
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: site-survey");
        assertThat(run("")).isEqualTo(2);
    }

    @Test
    void shouldTakeHourlyReadingsWithoutOptionsAndRefuseThemOnlyWhenTheGapIsNarrowedByHand()
            throws Exception {
        StringBuilder hourly = new StringBuilder();
        for (int h = 6; h <= 20; h++) {
            if (h < 11 || h > 13) { // 11:00, 12:00 and 13:00 missing: 10:00 → 14:00 is a gap
                hourly.append(String.format("2026-06-10T%02d:00:00Z,%d%n", h, 1000 * h));
            }
        }

        assertThat(run(hourly.toString(), "--lat", "40", "--lon", "0", "-")).isZero();
        JsonNode period = json().get("period");
        assertThat(period.get("sampling_interval_s").asDouble()).isEqualTo(3600);
        assertThat(period.get("max_gap_minutes").asDouble()).isEqualTo(120);
        assertThat(period.get("gaps_over_max").asInt()).isEqualTo(1);
        // 12 readings of an hour each: the 4-hour hole is not bridged
        assertThat(period.get("covered_hours").asDouble()).isEqualTo(12);

        assertThat(run(hourly.toString(), "--lat", "40", "--lon", "0", "--max-gap", "15", "-"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("raise --max-gap");
    }

    @Test
    void shouldKeepFifteenMinutesForFrequentReadings() {
        List<LuxReading> minutes = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            minutes.add(
                    new LuxReading(
                            Instant.parse("2026-06-10T10:00:00Z").plusSeconds(60L * m), 1, m + 1));
        }
        SurveyOptions options = SurveyOptions.parse("--lat", "40", "--lon", "0", "r.csv");

        assertThat(Survey.maxGap(options, minutes)).isEqualTo(Duration.ofMinutes(15));
        assertThat(
                        Survey.maxGap(
                                SurveyOptions.parse(
                                        "--lat", "40", "--lon", "0", "--max-gap", "5", "r.csv"),
                                minutes))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldGiveTheLastReadingAndReadingsBeforeAGapTheNominalInterval() {
        List<LuxReading> readings = new ArrayList<>();
        Instant t = Instant.parse("2026-06-10T10:00:00Z");
        for (int s : new int[] {0, 60, 120, 180, 240, 3600, 3660}) {
            readings.add(new LuxReading(t.plusSeconds(s), 1, 0));
        }
        double nominal = Survey.nominalInterval(readings, Duration.ofMinutes(15));

        assertThat(nominal).isEqualTo(60.0);
        assertThat(Survey.intervals(readings, Duration.ofMinutes(15), nominal))
                .containsExactly(60, 60, 60, 60, 60, 60, 60);
    }
}
