package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads that are JSON, or nearly, but cannot be stored as a document as they are. */
class HostilePayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");
    private static final ReadingParser PARSER =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String PANEL = "\"panel_id\":\"X-1\",\"timestamp\":\"" + NOW + "\"";

    private static ParseResult.Invalid invalid(byte[] payload) {
        ParseResult result = PARSER.parse(DeviceKind.PANEL, payload);
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        assertThat(invalid.message()).as("no tree: the raw text is what is kept").isNull();
        return invalid;
    }

    private static ParseResult.Invalid invalid(String json) {
        ParseResult.Invalid invalid = invalid(json.getBytes(StandardCharsets.UTF_8));
        assertThat(invalid.rawText()).isEqualTo(json);
        assertThat(PARSER.parse(DeviceKind.PANEL, json)).isEqualTo(invalid);
        return invalid;
    }

    @Test
    void shouldRefuseANulInAFieldNameButKeepTheIdAndTime() {
        ParseResult.Invalid invalid = invalid("{" + PANEL + ",\"power_w\":1,\"a\\u0000b\":1}");
        assertThat(invalid.reason())
                .isEqualTo(
                        "field name 'a\\u0000b' contains a NUL character, which a MongoDB"
                                + " document cannot hold");
        assertThat(invalid.deviceId()).isEqualTo("X-1");
        assertThat(invalid.eventTime()).isEqualTo(NOW);
    }

    @Test
    void shouldFindANulEscapeAfterTextThatIsNotAsciiAndRefuseARawOne() {
        ParseResult.Invalid escaped =
                invalid("{" + PANEL + ",\"power_w\":1,\"ñ\":1,\"a\\u0000b\":1}");
        assertThat(escaped.reason()).startsWith("field name 'a\\u0000b' contains a NUL character");

        ParseResult.Invalid raw = invalid("{" + PANEL + ",\"power_w\":1,\"a\u0000b\":1}");
        assertThat(raw.reason())
                .as("JSON holds no raw control character: only an escape makes a NUL")
                .startsWith("payload is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"$where\":1}",
                "{\"x\":{\"$set\":1}}",
                "{\"x\":[{\"ok\":1},{\"$ref\":\"c\"}]}"
            })
    void shouldRefuseDollarPrefixedNamesAtAnyDepth(String extra) {
        String json = "{" + PANEL + ",\"power_w\":1,\"extra\":" + extra + "}";
        assertThat(invalid(json).reason()).contains("starts with '$'");
    }

    @Test
    void shouldStoreDottedNamesAndInnerDollarsAsTheyAre() {
        String json = "{" + PANEL + ",\"power_w\":1,\"a.b\":1,\"ok$\":{\"c.d\":2}}";
        ParseResult result = PARSER.parse(DeviceKind.PANEL, json);
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        assertThat(result.message().has("a.b")).isTrue();
    }

    @Test
    void shouldRefuseUnpairedSurrogatesInNamesAndStringsButNotPairs() {
        assertThat(invalid("{" + PANEL + ",\"power_w\":1,\"n\":\"x\\ud800y\"}").reason())
                .isEqualTo(
                        "a string value 'x\\ud800y' holds an unpaired UTF-16 surrogate, which is"
                                + " not a Unicode character");
        assertThat(invalid("{" + PANEL + ",\"power_w\":1,\"\\udc00\":1}").reason())
                .startsWith("field name '\\udc00'");
        String pair = "{" + PANEL + ",\"power_w\":1,\"\\ud83d\\ude00\":\"\\ud83d\\ude00\"}";
        assertThat(PARSER.parse(DeviceKind.PANEL, pair)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldAcceptThirtyTwoLevelsAndRefuseThirtyThree() {
        assertThat(PARSER.parse(DeviceKind.PANEL, nested(31)))
                .as("the message and 31 levels inside it")
                .isInstanceOf(ParseResult.Valid.class);
        assertThat(invalid(nested(32)).reason())
                .isEqualTo(
                        "payload nests objects and arrays deeper than the 32 levels a message"
                                + " may have");
        assertThat(invalid(nested(5_000)).reason()).contains("deeper than the 32 levels");
    }

    @Test
    void shouldRefuseMoreThanOneMebibyteBeforeParsing() {
        String padding = "x".repeat(ReadingParser.MAX_PAYLOAD_BYTES);
        String json = "{" + PANEL + ",\"power_w\":1,\"pad\":\"" + padding + "\"}";
        ParseResult.Invalid invalid = invalid(json);
        assertThat(invalid.reason())
                .isEqualTo(
                        "payload is "
                                + json.length()
                                + " bytes, more than the 1048576 bytes (1 MiB) a message may"
                                + " have");
        String fits = "{" + PANEL + ",\"power_w\":1,\"pad\":\"\"}";
        String atLimit =
                fits.replace(
                        "\"pad\":\"\"",
                        "\"pad\":\""
                                + "x".repeat(ReadingParser.MAX_PAYLOAD_BYTES - fits.length())
                                + "\"");
        assertThat(atLimit).hasSize(ReadingParser.MAX_PAYLOAD_BYTES);
        assertThat(PARSER.parse(DeviceKind.PANEL, atLimit)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldRefuseInvalidUtf8NamingTheByte() {
        byte[] prefix = ("{" + PANEL + ",\"power_w\":1,\"n\":\"").getBytes(StandardCharsets.UTF_8);
        for (byte[] bad :
                new byte[][] {
                    {(byte) 0xff},
                    {(byte) 0xc0, (byte) 0x80},
                    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    {(byte) 0xe2, (byte) 0x82}
                }) {
            byte[] payload = new byte[prefix.length + bad.length + 2];
            System.arraycopy(prefix, 0, payload, 0, prefix.length);
            System.arraycopy(bad, 0, payload, prefix.length, bad.length);
            payload[payload.length - 2] = '"';
            payload[payload.length - 1] = '}';
            ParseResult.Invalid invalid = invalid(payload);
            assertThat(invalid.reason())
                    .isEqualTo(
                            String.format(
                                    "payload is not valid UTF-8 (byte 0x%02x at offset %d)",
                                    bad[0] & 0xff, prefix.length));
            assertThat(invalid.rawText()).startsWith("{\"panel_id\"").contains("\uFFFD");
        }
        String accents = "{" + PANEL + ",\"power_w\":1,\"site\":\"Logroño ☀\"}";
        assertThat(PARSER.parse(DeviceKind.PANEL, accents.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldRefuseDuplicateKeysAndOverlongNumbers() {
        assertThat(invalid("{" + PANEL + ",\"power_w\":1,\"power_w\":2}").reason())
                .contains("not valid JSON", "Duplicate field 'power_w'");
        // In a nested object, at any depth, whether the name is the object's first or a later one.
        assertThat(invalid("{" + PANEL + ",\"power_w\":1,\"x\":{\"a\":1,\"a\":2}}").reason())
                .contains("not valid JSON", "Duplicate field 'a'");
        assertThat(
                        invalid(
                                        "{"
                                                + PANEL
                                                + ",\"power_w\":1,\"x\":[{\"b\":{\"a\":1,\"c\":2,\"c\":3}}]}")
                                .reason())
                .contains("not valid JSON", "Duplicate field 'c'");
        // The same name in two objects is no repetition.
        assertThat(
                        PARSER.parse(
                                DeviceKind.PANEL,
                                "{"
                                        + PANEL
                                        + ",\"power_w\":1,\"x\":{\"power_w\":1,\"a\":2},\"y\":{\"a\":3}}"))
                .isInstanceOf(ParseResult.Valid.class);
        assertThat(invalid("{" + PANEL + ",\"power_w\":1" + "0".repeat(1_000) + "}").reason())
                .startsWith("payload exceeds a limit of the message rules: Number value length");
        String huge = "{" + PANEL + ",\"power_w\":1e400}";
        assertThat(((ParseResult.Invalid) PARSER.parse(DeviceKind.PANEL, huge)).reason())
                .isEqualTo("field 'power_w' is Infinity, expected a finite number");
        String bigExtra = "{" + PANEL + ",\"power_w\":1,\"x\":" + "9".repeat(999) + "}";
        assertThat(PARSER.parse(DeviceKind.PANEL, bigExtra)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldReadAndCheckMessagesWithManyFieldsOfTheirOwn() {
        // The rules find their fields wherever they are; a repeated name is found among few
        // fields and among many, also when the first of the two came before the many.
        for (int extra : new int[] {0, 5, 14, 15, 16, 40, 60_000}) {
            String fields = extraFields(extra);
            String valid = "{" + fields + PANEL + ",\"power_w\":2.5}";
            ParseResult read =
                    PARSER.parse(DeviceKind.PANEL, valid.getBytes(StandardCharsets.UTF_8));
            assertThat(read).as("%d fields", extra).isInstanceOf(ParseResult.Valid.class);
            assertThat(((PanelReading) ((ParseResult.Valid) read).reading()).powerW())
                    .isEqualTo(2.5);
            String negative = "{" + fields + PANEL + ",\"power_w\":2.5,\"energy_wh\":-1}";
            assertThat(PARSER.parse(DeviceKind.PANEL, negative.getBytes(StandardCharsets.UTF_8)))
                    .as("%d fields", extra)
                    .extracting(r -> ((ParseResult.Invalid) r).reason())
                    .isEqualTo("field 'energy_wh' is -1.0, negative values are not physical");
            String repeated = "{\"power_w\":1," + fields + PANEL + ",\"power_w\":2}";
            assertThat(invalid(repeated).reason())
                    .as("%d fields", extra)
                    .contains("not valid JSON", "Duplicate field 'power_w'");
            if (extra > 0) {
                String repeatedExtra = "{" + fields + PANEL + ",\"f" + (extra - 1) + "\":0}";
                assertThat(invalid(repeatedExtra).reason())
                        .as("%d fields", extra)
                        .contains("Duplicate field 'f" + (extra - 1) + "'");
            }
        }
    }

    /** {@code "f0":0,"f1":1,...} with a comma after each. */
    private static String extraFields(int count) {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            fields.append("\"f").append(i).append("\":").append(i).append(',');
        }
        return fields.toString();
    }

    /** A panel message whose field {@code deep} holds {@code levels} nested objects. */
    private static String nested(int levels) {
        return "{"
                + PANEL
                + ",\"power_w\":1,\"deep\":"
                + "{\"a\":".repeat(levels - 1)
                + "{}"
                + "}".repeat(levels - 1)
                + "}";
    }
}
