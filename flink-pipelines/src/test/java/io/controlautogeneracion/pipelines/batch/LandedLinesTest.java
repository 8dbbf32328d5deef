package io.controlautogeneracion.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand reader of plain panel lines takes only what the model's parser takes, as it does. */
class LandedLinesTest {
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final LandedLines LINES = new LandedLines(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReadPlainPanelLinesAsTheParserDoes() {
        List<String> plain =
                List.of(
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":120.5}",
                        "{\"timestamp\":\"2024-02-29T23:59:59.123456789Z\",\"power_w\":0,"
                                + "\"panel_id\":\"P 2\",\"energy_wh\":1.5e3,\"voltage_v\":-3.2,"
                                + "\"current_a\":1E-2,\"temperature_c\":-0.0}",
                        "{\"panel_id\":\"P-3\",\"timestamp\":\"2025-06-01T10:00:00.5Z\","
                                + "\"power_w\":-0.0,\"energy_wh\":0.0}");
        for (String line : plain) {
            PanelReading mine = (PanelReading) LINES.plain(DeviceKind.PANEL, line);
            ParseResult theirs = LINES.parse(DeviceKind.PANEL, line);
            assertThat(mine).as(line).isNotNull();
            assertThat(theirs).as(line).isInstanceOf(ParseResult.Valid.class);
            assertThat(mine).as(line).isEqualTo(((ParseResult.Valid) theirs).reading());
        }
    }

    @Test
    void shouldLeaveEveryOtherLineToTheParser() {
        List<String> others =
                List.of(
                        "",
                        "{}",
                        " {\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":"
                                + " \"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"panel_id\":\"P-2\","
                                + "\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\"}",
                        "{\"panel_id\":\" \",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P\\u0031\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00+01:00\","
                                + "\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":1735689600000,\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-02-29T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T24:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00.Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":-1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":01}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1.}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"power_w\":1e}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1e999}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":NaN}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":\"1\"}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1,\"energy_wh\":null}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1,\"energy_wh\":-0.5}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1,\"firmware\":\"2.1\"}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":1}x",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"1900-01-01T00:00:00Z\",\"power_w\":1}",
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                + "\"power_w\":12345678901234567890}");
        for (String line : others) {
            assertThat(LINES.plain(DeviceKind.PANEL, line)).as(line).isNull();
        }
        assertThat(
                        LINES.plain(
                                DeviceKind.LIGHT,
                                "{\"light_id\":\"L-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                                        + "\"lux\":1}"))
                .isNull();
    }

    @Test
    void shouldWorkOutNumbersAsJavaDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String number =
                    (random.nextBoolean() ? "-" : "")
                            + random.nextInt(100_000)
                            + (random.nextBoolean()
                                    ? "."
                                            + String.format("%09d", random.nextInt(1_000_000_000))
                                                    .substring(0, 1 + random.nextInt(9))
                                    : "");
            String line =
                    "{\"panel_id\":\"P-1\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                            + "\"power_w\":1,\"voltage_v\":"
                            + number
                            + "}";
            PanelReading r = (PanelReading) LINES.plain(DeviceKind.PANEL, line);
            assertThat(r).as(line).isNotNull();
            assertThat(Double.doubleToRawLongBits(r.voltageV()))
                    .as(number)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
        }
    }

    @Test
    void shouldAgreeWithTheParserOnMangledLines() {
        String base =
                "{\"panel_id\":\"P-17\",\"timestamp\":\"2025-03-30T01:59:30.25Z\","
                        + "\"power_w\":245.75,\"energy_wh\":10293.5}";
        String alphabet = "{}\":,.-+eE0123456789 Pa_\\Z";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder(base);
            for (int k = random.nextInt(3) + 1; k > 0; k--) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default ->
                            line.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = line.toString();
            PanelReading mine = (PanelReading) LINES.plain(DeviceKind.PANEL, text);
            if (mine != null) {
                ParseResult theirs = LINES.parse(DeviceKind.PANEL, text);
                assertThat(theirs).as(text).isInstanceOf(ParseResult.Valid.class);
                assertThat(mine).as(text).isEqualTo(((ParseResult.Valid) theirs).reading());
            }
        }
    }

    private static String line(Instant t) {
        return "{\"panel_id\":\"P-1\",\"timestamp\":\"" + t + "\",\"power_w\":1}";
    }

    /**
     * The century a landed timestamp must lie within is the injected clock's, not the machine's.
     */
    @Test
    void shouldBoundTimestampsByACenturyAroundTheInjectedClock() {
        Instant lastDayOfTheCentury = NOW.minus(Duration.ofDays(36_524));
        Instant beforeIt = NOW.minus(Duration.ofDays(36_526));

        assertThat(LINES.plain(DeviceKind.PANEL, line(NOW.minus(Duration.ofDays(1))))).isNotNull();
        // Far in the past: left to the parser, which takes it within the century only.
        assertThat(LINES.plain(DeviceKind.PANEL, line(lastDayOfTheCentury))).isNull();
        assertThat(LINES.parse(DeviceKind.PANEL, line(lastDayOfTheCentury)))
                .isInstanceOf(ParseResult.Valid.class);
        assertThat(LINES.parse(DeviceKind.PANEL, line(beforeIt)))
                .isInstanceOf(ParseResult.Invalid.class);

        LandedLines aCenturyEarlier =
                new LandedLines(Clock.fixed(NOW.minus(Duration.ofDays(36_525)), ZoneOffset.UTC));
        assertThat(aCenturyEarlier.plain(DeviceKind.PANEL, line(beforeIt))).isNotNull();
    }
}
