package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    static Instant javaTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The hand-written fast path must agree with java.time on every well-formed timestamp. */
    @Test
    void shouldAgreeWithJavaTimeOnRandomTimestamps() {
        Random random = new Random(20261128);
        String[] fractions = {"", ".5", ".123", ".123456", ".123456789"};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(28 * 4) - 12 * 4) * 900);
            String base = instant.atOffset(offset).toLocalDateTime().toString();
            if (base.length() == 16) {
                base += ":00"; // LocalDateTime omits zero seconds
            }
            String text = base + fractions[random.nextInt(fractions.length)] + offset.getId();

            assertThat(IsoTimestamps.parse(text)).as(text).isEqualTo(javaTime(text)).isNotNull();
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
                "2026-11-28T13:00:05+01:00:30",
                "+12026-11-28T13:00:05Z"
            })
    void shouldAcceptWhatJavaTimeAccepts(String text) {
        assertThat(IsoTimestamps.parse(text)).isNotNull().isEqualTo(javaTime(text));
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
                "2026-11-28T13:00:05.Z",
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
                "１２３４-11-28T13:00:05Z"
            })
    void shouldRejectAnythingElse(String text) {
        assertThat(IsoTimestamps.parse(text)).isNull();
    }
}
