package io.controlautogeneracion.solar.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast ISO path must accept and reject exactly what java.time does. */
class IsoTimestampTest {

    private static final String[] PATTERNS = {
        "yyyy-MM-dd'T'HH:mmXXX",
        "yyyy-MM-dd'T'HH:mm:ssXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX",
        "yyyy-MM-dd'T'HH:mm:ssxxx"
    };

    @Test
    void shouldAgreeWithJavaTimeOnRandomDateTimesOffsetsAndPrecisions() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant =
                    Instant.ofEpochSecond(
                            random.nextLong(-2_000_000_000L, 4_000_000_000L),
                            random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(900 * random.nextInt(-56, 57));
            String text =
                    DateTimeFormatter.ofPattern(PATTERNS[random.nextInt(PATTERNS.length)])
                            .format(instant.atOffset(offset));

            assertThat(IsoTimestamp.parse(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T10:00:00Z",
                "2026-06-31T10:00:00Z",
                "2026-06-01T24:00:00Z",
                "2026-06-01T10:60:00Z",
                "2026-06-01T10:00:60Z",
                "2026-06-01T10:00:00",
                "+2026-06-01T10:00:00Z",
                "2026-06-01T10:00:00.1234567891Z",
                "2026-06-01T10:00:00+19:00",
                "2026-06-01T10:00:00+02:60",
                "2026-06-01T10:00:00+0200",
                "2026-06-01 10:00:00Z",
                "2026-6-01T10:00:00Z",
                "2026-06-01T10:00:00ZZ",
                "2026-06-01T1a:00:00Z"
            })
    void shouldRejectWhatJavaTimeRejects(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimestamp.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-06-01t10:00:00z",
                "2026-06-01T10:00:00+02:00:30",
                "2026-06-01T10:00:00.Z",
                "+12026-06-01T10:00:00Z",
                "2024-02-29T23:59:59.999999999-03:30"
            })
    void shouldLeaveUnusualButValidShapesToJavaTime(String text) {
        assertThat(IsoTimestamp.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
}
