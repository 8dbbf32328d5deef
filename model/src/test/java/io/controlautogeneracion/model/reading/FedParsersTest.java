package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thread's fed parser reads message after message, and what it cannot read whole is read again
 * by a parser of its own: every message parses as it does from its text alone.
 */
class FedParsersTest {

    private static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");
    private static final ReadingParser PARSER =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    /** Each message read by a parser of its own. */
    private static final ReadingParser UNFED =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), false);

    private static final String PANEL = "\"panel_id\":\"X-1\",\"timestamp\":\"" + NOW + "\"";
    private static final String VALID = "{" + PANEL + ",\"power_w\":12.5,\"energy_wh\":100}";

    private static ParseResult parse(String text) {
        return PARSER.parse(DeviceKind.PANEL, bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadMessageAfterMessageWithOneParser() {
        assertThat(parse(VALID)).isInstanceOf(ParseResult.Valid.class);
        FedParsers.Fed first = ReadingParser.FED.acquire();
        int read = first.messages;

        assertThat(parse(VALID.replace("12.5", "13"))).isInstanceOf(ParseResult.Valid.class);
        assertThat(parse(" \n" + VALID + "\r\n\t ")).isInstanceOf(ParseResult.Valid.class);

        assertThat(ReadingParser.FED.acquire()).isSameAs(first);
        assertThat(first.messages).isEqualTo(read + 2);
    }

    /** What a parser keeps of the names it read is bounded by the bytes it reads. */
    @Test
    void shouldReplaceAParserOnceItHasReadItsShareOfBytes() {
        parse(VALID);
        FedParsers.Fed first = ReadingParser.FED.acquire();
        long left = FedParsers.BYTES - first.bytes;
        int read = 0;
        while (ReadingParser.FED.acquire() == first) {
            assertThat(parse(VALID)).isInstanceOf(ParseResult.Valid.class);
            read++;
        }

        assertThat(read).isEqualTo((int) ((left + VALID.length() - 1) / VALID.length()));
    }

    @Test
    void shouldGiveUpTheParserOfAMessageItCouldNotReadWhole() {
        parse(VALID);
        FedParsers.Fed before = ReadingParser.FED.acquire();

        ParseResult cut = parse("{" + PANEL + ",\"power_w\":12,\"x\":{\"a\":1}");

        assertThat(cut).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) cut).reason()).startsWith("payload is not valid JSON");
        FedParsers.Fed after = ReadingParser.FED.acquire();
        assertThat(after).isNotSameAs(before);
        assertThat(parse(VALID)).isEqualTo(UNFED.parse(DeviceKind.PANEL, bytes(VALID)));
        assertThat(ReadingParser.FED.acquire()).isSameAs(after);
    }

    /**
     * Messages the fed parser must not take as they are (what follows them, what they lack, what
     * its own checks would let pass), each followed by a valid one: the same results as read from
     * their text, with a parser of their own, and the valid ones after them unharmed.
     */
    @Test
    void shouldParseEveryMessageAsItsTextAloneDoesWhateverCameBefore() {
        List<String> messages =
                List.of(
                        VALID,
                        VALID + " x",
                        VALID + " t",
                        VALID + VALID,
                        VALID + " {}",
                        VALID + "]",
                        "{" + PANEL + ",\"power_w\":1",
                        "{" + PANEL + ",\"power_w\":tru}",
                        "{" + PANEL + ",\"power_w\":1,}",
                        "{" + PANEL + ",\"power_w\":1,\"power_w\":2}",
                        "{" + PANEL + ",\"power_w\":1" + "0".repeat(1_000) + "}",
                        "{" + PANEL + ",\"power_w\":-1" + "0".repeat(999) + "}",
                        "{" + PANEL + ",\"power_w\":1." + "5".repeat(1_000) + "}",
                        "{" + PANEL + ",\"power_w\":NaN}",
                        "{"
                                + PANEL
                                + ",\"power_w\":1,\"x\":"
                                + "[".repeat(31)
                                + "]".repeat(31)
                                + "}",
                        "{"
                                + PANEL
                                + ",\"power_w\":1,\"x\":"
                                + "[".repeat(32)
                                + "]".repeat(32)
                                + "}",
                        "\uFEFF" + VALID,
                        "}",
                        "{}",
                        "[1]",
                        "42",
                        "\"text\"",
                        " ",
                        "{" + PANEL + ",\"power_w\":1,\"x\":\"" + "a".repeat(20_000) + "\"}",
                        "{" + PANEL + ",\"power_w\":1,\"a\\u0000b\":1}",
                        "{" + PANEL + ",\"power_w\":1,\"$where\":1}");
        for (String message : messages) {
            for (String text : List.of(message, VALID)) {
                assertThat(parse(text))
                        .as("read fed, after the one before: %s", abbreviated(text))
                        .isEqualTo(UNFED.parse(DeviceKind.PANEL, bytes(text)));
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
