package io.controlautogeneracion.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Instant javaTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final String[] PATTERNS = {
        "yyyy-MM-dd'T'HH:mmXXX",
        "yyyy-MM-dd'T'HH:mm:ssXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX",
        "yyyy-MM-dd'T'HH:mm:ssxxx",
        "yyyy-MM-dd't'HH:mm:ss.SSSXXX"
    };

    /** The hand-read shape must agree with java.time on every well-formed date-time. */
    @Test
    void shouldAgreeWithJavaTimeOnRandomDateTimesOffsetsAndPrecisions() {
        SplittableRandom random = new SplittableRandom(20261128);
        for (int i = 0; i < 40_000; i++) {
            Instant instant =
                    Instant.ofEpochSecond(
                            random.nextLong(-2_000_000_000L, 4_000_000_000L),
                            random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(900 * random.nextInt(-56, 57));
            String text =
                    DateTimeFormatter.ofPattern(PATTERNS[random.nextInt(PATTERNS.length)])
                            .format(instant.atOffset(offset));

            assertThat(IsoTime.parseOrNull(text)).as(text).isEqualTo(javaTime(text)).isNotNull();
            assertThat(IsoTime.parse(text)).as(text).isEqualTo(javaTime(text));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2028-02-29T00:00:00Z",
                "2026-12-31T23:59:59.999999999-18:00",
                "2026-01-01T00:00:00+18:00",
                "0001-01-01T00:00:00Z",
                "2026-11-28T13:00:05-00:00",
                "2026-11-28T13:00Z",
                "2026-11-28t13:00:05z",
                "2026-11-28T13:00:05+01:00:30",
                "2026-11-28T13:00:05+01",
                "+12026-11-28T13:00:05Z",
                "2024-02-29T23:59:59.999999999-03:30"
            })
    void shouldAcceptWhatJavaTimeAccepts(String text) {
        assertThat(IsoTime.parseOrNull(text)).isNotNull().isEqualTo(javaTime(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026",
                "2026-11-28",
                "2026-11-28T13:00:05",
                "2026-11-28T13:00:05 Z",
                "2026-11-28 13:00:05Z",
                "2026-11-28T13:00:05+1:00",
                "2026-11-28T13:00:05+0100",
                "2026-11-28T13:00:05+19:00",
                "2026-11-28T13:00:05+18:01",
                "2026-11-28T13:00:05+02:60",
                "2026-11-28T13:00:05.1234567890Z",
                "2026-11-28T13:00:60Z",
                "2026-11-28T13:60:00Z",
                "2026-11-28T24:00:00Z",
                "2026-11-31T13:00:05Z",
                "2026-00-28T13:00:05Z",
                "2026-13-28T13:00:05Z",
                "2026-02-29T13:00:05Z",
                "2026-11-28T13:00:05ZZ",
                "2026-1a-28T13:00:05Z",
                "2026-6-01T10:00:00Z",
                "１２３４-11-28T13:00:05Z"
            })
    void shouldRejectWhatJavaTimeRejects(String text) {
        assertThat(javaTime(text)).isNull();
        assertThat(IsoTime.parseOrNull(text)).isNull();
        assertThatThrownBy(() -> IsoTime.parse(text))
                .isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining(text);
    }

    /** java.time takes a decimal point without digits; ISO-8601 does not, nor does the system. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T13:00:05.Z",
                "2026-11-28T13:00:05.+01:00",
                "2026-11-28T13:00:05.+01:00:30",
                "+12026-11-28T13:00:05.Z"
            })
    void shouldRejectADecimalPointWithoutDigits(String text) {
        assertThat(javaTime(text)).isNotNull();
        assertThat(IsoTime.parseOrNull(text)).isNull();
    }

    @Test
    void shouldReadADateTimeInsideALongerTextWithoutCuttingItOut() {
        String line = "{\"timestamp\":\"2026-11-28T13:00:05.25Z\",\"x\":1}";
        int from = line.indexOf("2026");
        int to = line.indexOf('"', from);

        assertThat(IsoTime.parseOrNull(line, from, to))
                .isEqualTo(Instant.parse("2026-11-28T13:00:05.25Z"));
        assertThat(IsoTime.parseOrNull(line, from, to - 1)).isNull();
    }

    @Test
    void shouldReadTimestampsAsEpochMillisOrIsoText() throws Exception {
        Instant t = Instant.parse("2026-11-28T13:00:00Z");

        assertThat(IsoTime.parseTimestamp("1795870800000")).isEqualTo(t);
        assertThat(IsoTime.parseTimestamp("-1000")).isEqualTo(Instant.ofEpochMilli(-1000));
        assertThat(IsoTime.parseTimestamp("2026-11-28T14:00:00+01:00")).isEqualTo(t);
        assertThatThrownBy(() -> IsoTime.parseTimestamp("1234567890123456789"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTime.parseTimestamp("2026-11-28"))
                .isInstanceOf(DateTimeParseException.class);

        assertThat(IsoTime.timestamp(JSON.readTree("1795870800000"))).isEqualTo(t);
        assertThat(IsoTime.timestamp(JSON.readTree("\"2026-11-28T13:00:00Z\""))).isEqualTo(t);
        assertThat(IsoTime.timestamp(JSON.readTree("null"))).isNull();
        assertThatThrownBy(() -> IsoTime.timestamp(JSON.readTree("1795870800000.5")))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTime.timestamp(JSON.readTree("\"1795870800000\"")))
                .isInstanceOf(DateTimeException.class);

        assertThat(IsoTime.timestamp((Object) 1795870800000L)).isEqualTo(t);
        assertThat(IsoTime.timestamp((Object) "2026-11-28T13:00:00.000Z")).isEqualTo(t);
        assertThat(IsoTime.timestamp((Object) null)).isNull();
        assertThatThrownBy(() -> IsoTime.timestamp((Object) 1.5))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void shouldReadCatalogInstantsAndDates() {
        assertThat(IsoTime.parseInstantOrDate(" 2025-03-01 "))
                .isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(IsoTime.parseInstantOrDate("2025-03-02T01:00:00+01:00"))
                .isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
        assertThat(IsoTime.parseInstantOrDate("  ")).isNull();
        assertThat(IsoTime.parseInstantOrDate(null)).isNull();
        assertThatThrownBy(() -> IsoTime.parseInstantOrDate("2025-02-30"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTime.parseInstantOrDate("1740787200000"))
                .isInstanceOf(DateTimeParseException.class);

        assertThat(IsoTime.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoTime.parseDate(" 2024-02-29\t")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoTime.parseDate("")).isNull();
        assertThatThrownBy(() -> IsoTime.parseDate("29/02/2024"))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void shouldWriteUtcAndLocalViews() {
        Instant t = Instant.parse("2026-06-01T10:00:00Z");

        assertThat(IsoTime.format(t)).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(IsoTime.format(t, ZoneId.of("Europe/Madrid")))
                .isEqualTo("2026-06-01T12:00:00+02:00");
        assertThat(IsoTime.parse(IsoTime.format(t, ZoneId.of("Asia/Kolkata")))).isEqualTo(t);
    }

    @Test
    void shouldWorkOutDaysAsJavaDoes() {
        for (LocalDate d = LocalDate.of(1899, 12, 25);
                d.isBefore(LocalDate.of(2101, 1, 7));
                d = d.plusDays(1)) {
            assertThat(IsoTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .as(d.toString())
                    .isEqualTo(d.toEpochDay());
        }
        assertThat(IsoTime.epochDay(0, 2, 29)).isEqualTo(LocalDate.of(0, 2, 29).toEpochDay());
        assertThat(IsoTime.epochDay(9999, 12, 31))
                .isEqualTo(LocalDate.of(9999, 12, 31).toEpochDay());
    }
}
