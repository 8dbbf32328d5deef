package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The message's tree, built from the parser's single pass ({@link MessageReader}, {@link
 * TreeSink}), is the tree Jackson's own reader makes of the same text, node type for node type
 * (int, long, BigInteger and double nodes, fields in the order sent); and a {@link JsonSink} gets
 * the same values in the same order.
 */
class MessageTreeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");
    private static final ReadingParser PARSER =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final JsonMapper JACKSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String PANEL = "\"panel_id\":\"X-1\",\"timestamp\":\"" + NOW + "\"";

    static Stream<String> messages() {
        return Stream.of(
                "{" + PANEL + ",\"power_w\":1.5}",
                "{" + PANEL + ",\"power_w\":0,\"energy_wh\":12,\"voltage_v\":null}",
                // every number JSON text can hold, at the edges of int and long
                "{"
                        + PANEL
                        + ",\"power_w\":2147483647,\"n\":[2147483648,-2147483648,"
                        + "-2147483649,9223372036854775807,9223372036854775808,"
                        + "-9223372036854775809,123456789012345678901234567890123456789,"
                        + "0,-0,1.0,-0.0,1e2,1E-2,2.5e-320,1e400,-1e400,NaN,Infinity,-Infinity,"
                        + "0.1000000000000000055511151231257827,4.9e-324,2.2250738585072014E-308,"
                        + "1.7976931348623157e308,1.7976931348623159e308,0.30000000000000004,"
                        + "123456.789e-3,9007199254740993.0]}",
                // nesting, empty containers, literals, names with dots and inner dollars
                "{"
                        + PANEL
                        + ",\"power_w\":3,\"extra\":{\"a.b\":[[[]],{},[{\"c$\":true}],false,"
                        + "null],\"fw\":{\"v\":\"1.2\",\"x\":{\"y\":{\"z\":[1,\"b\"]}}}}}",
                // escapes, non-ASCII text, a surrogate pair
                "{" + PANEL + ",\"power_w\":1,\"t\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00 ñ 😀\"}",
                // invalid by a field's rule: the tree is still the message
                "{" + PANEL + ",\"power_w\":-1,\"extra\":[1,{\"a\":2}]}",
                "{\"panel_id\":7,\"power_w\":\"12\",\"timestamp\":{\"at\":[1]}}",
                "{}");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void shouldBuildTheTreeJacksonBuilds(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = JACKSON.readTree(bytes);

        ParseResult fromBytes = PARSER.parse(DeviceKind.PANEL, bytes);
        ParseResult fromText = PARSER.parse(DeviceKind.PANEL, json);

        assertThat(fromBytes.message()).isEqualTo(expected);
        assertThat(types(fromBytes.message())).isEqualTo(types(expected));
        assertThat(fromText).isEqualTo(fromBytes);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void shouldHandTheSameMessageToASinkWithoutATree(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        TreeSink sink = new TreeSink();

        ReadingParser.Streamed streamed = PARSER.parse(DeviceKind.PANEL, bytes, sink);

        ParseResult withTree = PARSER.parse(DeviceKind.PANEL, bytes);
        assertThat(streamed.written()).isTrue();
        assertThat(streamed.result().message()).isNull();
        assertThat(streamed.result().withMessage(sink.root())).isEqualTo(withTree);
    }

    /** Every node's class, depth first: equal trees of other number types differ here. */
    private static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        collect(node, types);
        return types;
    }

    private static void collect(JsonNode node, List<String> types) {
        types.add(node.getClass().getSimpleName());
        for (JsonNode child : node) {
            collect(child, types);
        }
    }
}
