package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingParserTest {

    static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");
    static final ReadingParser PARSER =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    static ParseResult.Valid valid(DeviceKind kind, String json) {
        ParseResult result = PARSER.parse(kind, json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        return (ParseResult.Valid) result;
    }

    static ParseResult.Invalid invalid(DeviceKind kind, String json) {
        ParseResult result = PARSER.parse(kind, json.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        assertThat(invalid.rawText()).isEqualTo(json);
        return invalid;
    }

    @Test
    void shouldMapAFullPanelMessageAndKeepUnknownFields() {
        ParseResult.Valid result =
                valid(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P-1\",\"timestamp\":\"2026-11-28T12:59:30Z\",\"power_w\":812.5,"
                            + "\"energy_wh\":10234,\"voltage_v\":-31.2,\"current_a\":26.1,"
                            + "\"temperature_c\":-4.5,\"firmware\":\"1.2\"}");

        assertThat(result.reading())
                .isEqualTo(
                        new PanelReading(
                                "P-1",
                                Instant.parse("2026-11-28T12:59:30Z"),
                                812.5,
                                10234.0,
                                -31.2,
                                26.1,
                                -4.5));
        assertThat(result.message().get("firmware").textValue()).isEqualTo("1.2");
        assertThat(result.deviceId()).isEqualTo("P-1");
        assertThat(result.eventTime()).isEqualTo(Instant.parse("2026-11-28T12:59:30Z"));
        assertThat(result.reading().kind()).isEqualTo(DeviceKind.PANEL);
    }

    @Test
    void shouldLeaveAbsentOrNullOptionalFieldsNull() {
        PanelReading reading =
                (PanelReading)
                        valid(
                                        DeviceKind.PANEL,
                                        "{\"panel_id\":\"P-1\",\"timestamp\":1795867200000,"
                                                + "\"power_w\":0,\"energy_wh\":null}")
                                .reading();

        assertThat(reading.powerW()).isZero();
        assertThat(reading.energyWh()).isNull();
        assertThat(reading.voltageV()).isNull();
        assertThat(reading.timestamp()).isEqualTo(Instant.ofEpochMilli(1795867200000L));
    }

    @Test
    void shouldMapLightAndWindMessages() {
        assertThat(
                        valid(
                                        DeviceKind.LIGHT,
                                        "{\"light_id\":\"L-7\",\"timestamp\":\"2026-11-28T13:00:05Z\","
                                            + "\"lux\":200000,\"temperature_c\":21}")
                                .reading())
                .isEqualTo(
                        new LightReading(
                                "L-7", Instant.parse("2026-11-28T13:00:05Z"), 200_000, 21.0));
        assertThat(
                        valid(
                                        DeviceKind.WIND,
                                        "{\"wind_id\":\"W-2\",\"timestamp\":\"2026-11-28T13:00:05Z\","
                                            + "\"wind_speed\":113,\"wind_direction\":360,\"gust\":0}")
                                .reading())
                .isEqualTo(
                        new WindReading(
                                "W-2", Instant.parse("2026-11-28T13:00:05Z"), 113, 360.0, 0.0));
    }

    @Test
    void shouldGiveTheSameResultForTextAndBytes() {
        String json = "{\"light_id\":\"L-7\",\"timestamp\":\"2026-11-28T13:00:05Z\",\"lux\":-1}";

        assertThat(PARSER.parse(DeviceKind.LIGHT, json))
                .isEqualTo(PARSER.parse(DeviceKind.LIGHT, json.getBytes(StandardCharsets.UTF_8)));
        assertThat(PARSER.parse(DeviceKind.LIGHT, json.replace("\"lux\":-1", "\"lux\":1")))
                .isInstanceOf(ParseResult.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T13:00:05Z",
                "2026-11-28t13:00:05z",
                "2026-11-28T14:00:05+01:00",
                "2026-11-28T18:30:05+05:30",
                "2026-11-28T09:00:05-04:00",
                "2026-11-28T13:00:05.000Z",
                "2026-11-28T13:00:04.999999999Z",
                "2026-11-28T13:00:04.1234Z",
                "2026-11-28T13:00Z"
            })
    void shouldAcceptIsoTimestampsWithOffset(String timestamp) {
        Instant expected = Instant.parse("2026-11-28T13:00:05Z");
        Instant parsed =
                valid(
                                DeviceKind.LIGHT,
                                "{\"light_id\":\"L\",\"timestamp\":\""
                                        + timestamp
                                        + "\",\"lux\":1}")
                        .eventTime();

        assertThat(parsed).isEqualTo(OffsetDateTime.parse(timestamp).toInstant());
        assertThat(parsed).isBetween(expected.minusSeconds(5), expected);
    }

    static Stream<Arguments> invalidMessages() {
        String ok = "\"timestamp\":\"2026-11-28T13:00:05Z\"";
        return Stream.of(
                Arguments.of(DeviceKind.PANEL, "not json", "payload is not valid JSON"),
                Arguments.of(DeviceKind.PANEL, "{\"panel_id\":\"P\",", "payload is not valid JSON"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":1} {}",
                        "payload is not valid JSON"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\",\"panel_id\":\"Q\"," + ok + ",\"power_w\":1}",
                        "payload is not valid JSON (line 1, column 17): Duplicate field"
                                + " 'panel_id'"),
                Arguments.of(DeviceKind.PANEL, "  ", "payload is empty (only whitespace)"),
                Arguments.of(
                        DeviceKind.PANEL, "[1,2]", "payload is an array, expected a JSON object"),
                Arguments.of(
                        DeviceKind.PANEL, "42", "payload is the number 42, expected a JSON object"),
                Arguments.of(DeviceKind.PANEL, "null", "payload is null, expected a JSON object"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{" + ok + ",\"power_w\":1}",
                        "required field 'panel_id' is missing"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":17," + ok + ",\"power_w\":1}",
                        "field 'panel_id' is the number 17, expected a non-blank string"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"  \"," + ok + ",\"power_w\":1}",
                        "field 'panel_id' is blank, expected a non-blank string"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + "}",
                        "required field 'power_w' is missing"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":\"812.5\"}",
                        "field 'power_w' is the string \"812.5\", expected a JSON number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":null}",
                        "field 'power_w' is null, expected a JSON number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":true}",
                        "field 'power_w' is the boolean true, expected a JSON number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":-0.5}",
                        "field 'power_w' is -0.5, negative values are not physical"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":NaN}",
                        "field 'power_w' is NaN, expected a finite number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":1e400}",
                        "field 'power_w' is Infinity, expected a finite number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":1,\"energy_wh\":-3}",
                        "field 'energy_wh' is -3.0, negative values are not physical"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":1,\"voltage_v\":\"230\"}",
                        "field 'voltage_v' is the string \"230\", expected a JSON number"),
                Arguments.of(
                        DeviceKind.PANEL,
                        "{\"panel_id\":\"P\"," + ok + ",\"power_w\":1,\"temperature_c\":[]}",
                        "field 'temperature_c' is an array, expected a JSON number"),
                Arguments.of(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"L\"," + ok + ",\"lux\":250000}",
                        "field 'lux' is 250000.0, above the physical maximum 200000"),
                Arguments.of(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"L\"," + ok + ",\"lux\":-1}",
                        "field 'lux' is -1.0, negative values are not physical"),
                Arguments.of(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"L\"," + ok + ",\"lux\":1,\"temperature_c\":{}}",
                        "field 'temperature_c' is an object, expected a JSON number"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":113.5}",
                        "field 'wind_speed' is 113.5, above the physical maximum 113"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":-2}",
                        "field 'wind_speed' is -2.0, negative values are not physical"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":2,\"wind_direction\":360.5}",
                        "field 'wind_direction' is 360.5, outside the range 0 to 360"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":2,\"wind_direction\":-1}",
                        "field 'wind_direction' is -1.0, outside the range 0 to 360"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":2,\"gust\":-1}",
                        "field 'gust' is -1.0, negative values are not physical"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\"," + ok + ",\"wind_speed\":2,\"gust\":150}",
                        "field 'gust' is 150.0, above the physical maximum 113"),
                Arguments.of(
                        DeviceKind.WIND,
                        "{\"panel_id\":\"P\"," + ok + ",\"wind_speed\":2}",
                        "required field 'wind_id' is missing"));
    }

    @ParameterizedTest
    @MethodSource("invalidMessages")
    void shouldRejectWithAPreciseReason(DeviceKind kind, String json, String reason) {
        assertThat(invalid(kind, json).reason()).startsWith(reason);
    }

    static Stream<Arguments> invalidTimestamps() {
        return Stream.of(
                Arguments.of(
                        "\"2026-11-28 13:00:05Z\"",
                        "field 'timestamp' is the string \"2026-11-28 13:00:05Z\", not an ISO-8601"
                                + " date-time with offset (e.g. 2026-11-28T13:00:05Z)"),
                Arguments.of(
                        "\"2026-11-28T13:00:05\"",
                        "field 'timestamp' is the string \"2026-11-28T13:00:05\", not an ISO-8601"),
                Arguments.of("\"2026-02-29T13:00:05Z\"", "field 'timestamp' is the string"),
                Arguments.of("\"2026-11-28T24:00:05Z\"", "field 'timestamp' is the string"),
                Arguments.of("\"2026-11-28T13:00:05+19:00\"", "field 'timestamp' is the string"),
                Arguments.of("\"2026-11-28T13:00:05.Z\"", "field 'timestamp' is the string"),
                Arguments.of(
                        "\"1795867205000\"", "field 'timestamp' is the string \"1795867205000\""),
                Arguments.of(
                        "1795867205000.5",
                        "field 'timestamp' is the number 1.7958672050005E12, expected an ISO-8601"
                                + " string with offset or integer epoch milliseconds"),
                Arguments.of("true", "field 'timestamp' is the boolean true, expected an ISO-8601"),
                Arguments.of("null", "field 'timestamp' is null, expected an ISO-8601"),
                Arguments.of(
                        "123456789012345678901234567890",
                        "field 'timestamp' is 123456789012345678901234567890, too large for epoch"
                                + " ms"));
    }

    @ParameterizedTest
    @MethodSource("invalidTimestamps")
    void shouldRejectUnparseableTimestamps(String timestamp, String reason) {
        ParseResult.Invalid result =
                invalid(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"L\",\"timestamp\":" + timestamp + ",\"lux\":1}");

        assertThat(result.reason()).startsWith(reason);
        assertThat(result.deviceId()).isEqualTo("L");
        assertThat(result.eventTime()).isNull();
        assertThat(result.message()).isNotNull();
    }

    @Test
    void shouldRejectATimestampTooFarInTheFutureButKeepItAsEventTime() {
        ParseResult.Invalid result =
                invalid(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"L\",\"timestamp\":\"2026-11-28T13:05:01Z\",\"lux\":1}");

        assertThat(result.reason())
                .isEqualTo(
                        "field 'timestamp' is 2026-11-28T13:05:01Z, 5 min 1 s in the future, more"
                                + " than the 5 min allowed");
        assertThat(result.eventTime()).isEqualTo(Instant.parse("2026-11-28T13:05:01Z"));
        assertThat(
                        PARSER.parse(
                                DeviceKind.LIGHT,
                                "{\"light_id\":\"L\",\"timestamp\":\"2026-11-28T13:05:00Z\",\"lux\":1}"))
                .isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldMeasureTheTimestampsBoundsFromTheTimeTheCallerGives() {
        byte[] later =
                "{\"light_id\":\"L\",\"timestamp\":\"2026-11-28T13:05:01Z\",\"lux\":1}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(PARSER.parse(DeviceKind.LIGHT, later, new TreeSink()).result())
                .as("the parser's clock: 5 min 1 s ahead")
                .isInstanceOf(ParseResult.Invalid.class);
        assertThat(
                        PARSER.parse(DeviceKind.LIGHT, later, new TreeSink(), NOW.plusSeconds(1))
                                .result())
                .as("a batch's time, a second later")
                .isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldRejectATimestampOlderThanTheMaximumAge() {
        ParseResult.Invalid result =
                invalid(
                        DeviceKind.WIND,
                        "{\"wind_id\":\"W\",\"timestamp\":\"2026-11-21T12:59:59Z\",\"wind_speed\":1}");

        assertThat(result.reason())
                .isEqualTo(
                        "field 'timestamp' is 2026-11-21T12:59:59Z, 7 days 1 s old, older than the"
                                + " maximum age of 7 days");
        assertThat(
                        PARSER.parse(
                                DeviceKind.WIND,
                                "{\"wind_id\":\"W\",\"timestamp\":\"2026-11-21T13:00:00Z\","
                                        + "\"wind_speed\":1}"))
                .isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldReportTheIdFirstButStillExtractTheEventTime() {
        ParseResult.Invalid result =
                invalid(
                        DeviceKind.LIGHT,
                        "{\"light_id\":\"\",\"timestamp\":\"2026-11-28T13:00:00Z\",\"lux\":-5}");

        assertThat(result.reason())
                .isEqualTo("field 'light_id' is blank, expected a non-blank string");
        assertThat(result.deviceId()).isNull();
        assertThat(result.eventTime()).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        assertThat(result.message().get("lux").intValue()).isEqualTo(-5);
    }

    @Test
    void shouldKeepTheRawTextAndNoMessageWhenNotJson() {
        ParseResult.Invalid result = invalid(DeviceKind.PANEL, "café {");

        assertThat(result.message()).isNull();
        assertThat(result.deviceId()).isNull();
        assertThat(result.eventTime()).isNull();
        assertThat(result.rawText()).isEqualTo("café {");
    }

    @Test
    void shouldTreatAnEmptyOrNullPayloadAsInvalid() {
        assertThat(PARSER.parse(DeviceKind.PANEL, new byte[0]))
                .isEqualTo(new ParseResult.Invalid("payload is empty", null, null, null, ""));
        assertThat(PARSER.parse(DeviceKind.PANEL, (byte[]) null))
                .isEqualTo(new ParseResult.Invalid("payload is empty", null, null, null, ""));
        assertThat(PARSER.parse(DeviceKind.PANEL, ""))
                .isEqualTo(new ParseResult.Invalid("payload is empty", null, null, null, ""));
    }

    @Test
    void shouldAcceptBoundsTooLargeForInstantArithmetic() {
        ReadingParser lenient =
                new ReadingParser(
                        new ValidationRules(
                                Duration.ofDays(365L * 1_000_000_000),
                                Duration.ofDays(365L * 1_000_000_000),
                                200_000,
                                113),
                        Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(
                        lenient.parse(
                                DeviceKind.LIGHT,
                                "{\"light_id\":\"L\",\"timestamp\":\"1970-01-01T00:00:00Z\",\"lux\":1}"))
                .isInstanceOf(ParseResult.Valid.class);
        assertThat(
                        lenient.parse(
                                DeviceKind.LIGHT,
                                "{\"light_id\":\"L\",\"timestamp\":-9223372036854775808,\"lux\":1}"))
                .isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldApplyCustomRules() {
        ReadingParser strict =
                new ReadingParser(
                        new ValidationRules(Duration.ZERO, Duration.ofHours(1), 1000, 40),
                        Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(
                        ((ParseResult.Invalid)
                                        strict.parse(
                                                DeviceKind.LIGHT,
                                                "{\"light_id\":\"L\",\"timestamp\":\"2026-11-28T12:00:00Z\","
                                                    + "\"lux\":1001.5}"))
                                .reason())
                .isEqualTo("field 'lux' is 1001.5, above the physical maximum 1000");
        assertThat(
                        ((ParseResult.Invalid)
                                        strict.parse(
                                                DeviceKind.LIGHT,
                                                "{\"light_id\":\"L\",\"timestamp\":\"2026-11-28T13:00:01Z\","
                                                    + "\"lux\":1}"))
                                .reason())
                .isEqualTo(
                        "field 'timestamp' is 2026-11-28T13:00:01Z, 1 s in the future, more than"
                                + " the 0 s allowed");
    }
}
