package io.controlautogeneracion.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Converts a Jackson tree into a BSON document directly (no JSON text in between). Field names are
 * kept as they are: the parser's rules have refused the ones MongoDB cannot hold (a NUL, a leading
 * {@code $}), and dotted names are stored as sent.
 */
public final class JsonToBson {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonToBson() {}

    public static Document toDocument(ObjectNode node) {
        Document document = new Document();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            document.put(field.getKey(), value(field.getValue()));
        }
        return document;
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return toDocument((ObjectNode) node);
            case ARRAY:
                List<Object> values = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    values.add(value(element));
                }
                return values;
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return number(node);
            case NULL:
                return null;
            default:
                return node.asText();
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            BigInteger big = node.bigIntegerValue();
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0
                    ? big.longValue()
                    : decimal(new BigDecimal(big), node);
        }
        if (node.isBigDecimal()) {
            return decimal(node.decimalValue(), node);
        }
        return node.doubleValue();
    }

    /** Decimal128 when it fits (34 digits), else the text of the number. */
    private static Object decimal(BigDecimal value, JsonNode node) {
        try {
            return new Decimal128(value);
        } catch (NumberFormatException | ArithmeticException e) {
            return node.asText();
        }
    }
}
