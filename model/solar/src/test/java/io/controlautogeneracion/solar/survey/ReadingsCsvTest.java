package io.controlautogeneracion.solar.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV rules of the site survey: formats, header, comments, order, duplicates and errors. */
class ReadingsCsvTest {

    private static ReadingsCsv.Parsed read(String text) throws Exception {
        return ReadingsCsv.read(new BufferedReader(new StringReader(text)), "r.csv");
    }

    @Test
    void shouldReadIsoWithOffsetsAndEpochMillisWithOrWithoutAHeader() throws Exception {
        ReadingsCsv.Parsed withHeader =
                read(
                        "\uFEFFtimestamp,lux\n"
                                + "2026-06-01T10:00:00+02:00,100\n"
                                + "\n"
                                + "# sensor moved back\n"
                                + "2026-06-01T08:01:00Z, 200.5 \n"
                                + "1780300920000,300\n");
        ReadingsCsv.Parsed bare = read("1780300800000,1\n");

        assertThat(withHeader.readings())
                .extracting(LuxReading::time)
                .containsExactly(
                        Instant.parse("2026-06-01T08:00:00Z"),
                        Instant.parse("2026-06-01T08:01:00Z"),
                        Instant.parse("2026-06-01T08:02:00Z"));
        assertThat(withHeader.readings())
                .extracting(LuxReading::lux)
                .containsExactly(100.0, 200.5, 300.0);
        assertThat(withHeader.readings()).extracting(LuxReading::line).containsExactly(2, 5, 6);
        assertThat(bare.readings()).hasSize(1);
    }

    @Test
    void shouldSortOutOfOrderReadingsAndDropRepeatedTimestampsKeepingTheFirst() throws Exception {
        ReadingsCsv.Parsed parsed =
                read(
                        "2026-06-01T08:02:00Z,3\n"
                                + "2026-06-01T08:00:00Z,1\n"
                                + "2026-06-01T10:02:00+02:00,99\n"
                                + "2026-06-01T08:01:00Z,2\n");

        assertThat(parsed.readings()).extracting(LuxReading::lux).containsExactly(1.0, 2.0, 3.0);
        assertThat(parsed.duplicatesDropped()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-06-01T10:00:00,5|r.csv:3: timestamp '2026-06-01T10:00:00' is neither",
                "2026-06-01T10:00:00.Z,5|r.csv:3: timestamp '2026-06-01T10:00:00.Z' is neither",
                "2026-06-01T10:00:00Z,-1|r.csv:3: lux must be a finite number >= 0, got '-1'",
                "2026-06-01T10:00:00Z,bright|r.csv:3: lux 'bright' is not a number",
                "2026-06-01T10:00:00Z,NaN|r.csv:3: lux must be a finite number >= 0",
                "2026-06-01T10:00:00Z|r.csv:3: expected 2 fields 'timestamp,lux', found 1",
                "2026-06-01T10:00:00Z,1,2|r.csv:3: expected 2 fields 'timestamp,lux', found 3"
            })
    void shouldNameTheLineAndTheProblem(String badLine, String message) {
        String csv = "timestamp,lux\n2026-06-01T09:59:00Z,1\n" + badLine + "\n";

        assertThatThrownBy(() -> read(csv))
                .isInstanceOf(SurveyInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void shouldReportAMangledFirstReadingInsteadOfTakingItForAHeader() {
        assertThatThrownBy(() -> read("yesterday,500\n2026-06-01T10:00:00Z,1\n"))
                .isInstanceOf(SurveyInputException.class)
                .hasMessageStartingWith("r.csv:1: timestamp 'yesterday'");
    }

    @Test
    void shouldRefuseAFileWithoutReadings() {
        assertThatThrownBy(() -> read("timestamp,lux\n\n# nothing yet\n"))
                .isInstanceOf(SurveyInputException.class)
                .hasMessage("r.csv: no readings");
    }
}
