package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * One pass over a message's JSON text: every value goes to a {@link JsonSink} as it is read, the
 * message's own fields are kept for {@link FieldChecks} (a nested object or array as an empty one:
 * the checks look at no deeper value), and the rules of {@link StorableChecks} are applied to every
 * name and string in the order of the text, the first one broken remembered. Once one is broken the
 * sink gets nothing more (it could not hold the rest); the text is still read to its end, so that
 * text that is not JSON is reported as such. Depth and number length are the parser's own
 * constraints ({@link ReadingParser}); a name repeated in an object is found here.
 */
final class MessageReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] INDEXES = new String[1024];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    /**
     * What was read: the message's fields when it is an object (else null), a description of the
     * value when it is not ("an array", "the number 42"), both null when the text is empty; and the
     * first reason the message cannot be stored as it is, or null.
     */
    record Read(MessageFields fields, String notObject, String unstorable) {}

    private final JsonParser parser;
    private final JsonSink sink;
    private final boolean escapes;
    private final boolean fed;
    private String unstorable;

    private MessageReader(JsonParser parser, JsonSink sink, boolean escapes, boolean fed) {
        this.parser = parser;
        this.sink = sink;
        this.escapes = escapes;
        this.fed = fed;
    }

    /**
     * Reads the one JSON value of {@code parser}; {@code escapes} false skips the checks for a NUL
     * and for surrogates, for text read from well-formed UTF-8 without a backslash: JSON holds a
     * control character or a surrogate only as an escape (raw, the parser refuses it).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not one JSON
     *     value within the parser's constraints
     */
    static Read read(JsonParser parser, JsonSink sink, boolean escapes) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new Read(null, null, null);
        }
        if (first != JsonToken.START_OBJECT) {
            String what;
            if (first == JsonToken.START_ARRAY) {
                parser.skipChildren();
                what = "an array";
            } else {
                what = FieldChecks.describe(scalar(parser, first));
            }
            end(parser);
            return new Read(null, what, null);
        }
        MessageReader reader = new MessageReader(parser, sink, escapes, false);
        MessageFields fields = new MessageFields();
        sink.startObject(null);
        reader.object(fields);
        end(parser);
        return new Read(fields, null, reader.unstorable);
    }

    /**
     * Reads a message from a parser fed with it and nothing after it ({@link FedParsers}): its
     * fields and the first reason it cannot be stored, or null when it is not one JSON object that
     * ends where its text does (not an object, cut short, or followed by more than whitespace),
     * which {@link #read} then reads and says what it is. Input running out inside the object is an
     * unexpected token here, and so is a number longer than {@link ReadingParser#MAX_NUMBER_LENGTH}
     * characters (the non-blocking parser does not hold every number to that constraint).
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not JSON within
     *     the parser's constraints
     */
    static Read readFed(JsonParser parser, ByteArrayFeeder feeder, JsonSink sink, boolean escapes)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        MessageReader reader = new MessageReader(parser, sink, escapes, true);
        MessageFields fields = new MessageFields();
        sink.startObject(null);
        reader.object(fields);
        return feeder.needMoreInput() ? new Read(fields, null, reader.unstorable) : null;
    }

    /** Nothing may follow the message's value. */
    private static void end(JsonParser parser) throws IOException {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw new JsonParseException(
                    parser,
                    "Trailing token (of type " + next + ") found after the message's JSON value");
        }
    }

    /**
     * An object's fields up to its end; {@code top} keeps them when it is the message itself. A
     * name given twice in one object makes the text invalid JSON, reported where the second one
     * starts: the message's own names are looked up among the fields kept, a nested object's in a
     * set of its own (the parser's duplicate detection would keep a set for the message too). The
     * set is made at a nested object's second name: an array of many one-field objects (a hostile
     * message of 1 MiB holds over 100 000) makes none.
     */
    private void object(MessageFields top) throws IOException {
        JsonToken next;
        String first = null;
        Set<String> names = null;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            boolean repeated;
            if (top != null) {
                repeated = top.has(name);
            } else if (first == null) {
                first = name;
                repeated = false;
            } else {
                if (names == null) {
                    names = new HashSet<>();
                    names.add(first);
                }
                repeated = !names.add(name);
            }
            if (repeated) {
                throw new JsonParseException(
                        parser, "Duplicate field '" + name + "'", parser.currentTokenLocation());
            }
            if (unstorable == null) {
                unstorable = StorableChecks.nameProblem(name, escapes);
            }
            JsonToken token = parser.nextToken();
            if (top != null) {
                top.add(name, field(token));
            }
            value(name, token);
        }
        if (next != JsonToken.END_OBJECT) {
            // Jackson reports an unclosed object itself; this keeps a truncated one from passing.
            throw new JsonParseException(parser, "Unexpected " + next + " in an object");
        }
        if (unstorable == null) {
            sink.endObject();
        }
    }

    private void array() throws IOException {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "Unexpected end of input in an array");
            }
            value(index < INDEXES.length ? INDEXES[index] : Integer.toString(index), token);
            index++;
        }
        if (unstorable == null) {
            sink.endArray();
        }
    }

    private void value(String name, JsonToken token) throws IOException {
        if (fed && token.isNumeric() && parser.getTextLength() > ReadingParser.MAX_NUMBER_LENGTH) {
            // The non-blocking parser does not hold every number to the constraint: the message is
            // read again by a parser that does.
            throw new JsonParseException(parser, "Number longer than the constraint");
        }
        switch (token) {
            case START_OBJECT -> {
                if (unstorable == null) {
                    sink.startObject(name);
                }
                object(null);
            }
            case START_ARRAY -> {
                if (unstorable == null) {
                    sink.startArray(name);
                }
                array();
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                if (unstorable == null && escapes) {
                    unstorable = StorableChecks.stringProblem(text);
                }
                if (unstorable == null) {
                    sink.string(name, text);
                }
            }
            case VALUE_NUMBER_INT -> {
                if (unstorable == null) {
                    switch (parser.getNumberType()) {
                        case INT -> sink.int32(name, parser.getIntValue());
                        case LONG -> sink.int64(name, parser.getLongValue());
                        default -> sink.bigInteger(name, parser.getBigIntegerValue());
                    }
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (unstorable == null) {
                    sink.doubleValue(name, parser.getDoubleValue());
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                if (unstorable == null) {
                    sink.bool(name, token == JsonToken.VALUE_TRUE);
                }
            }
            case VALUE_NULL -> {
                if (unstorable == null) {
                    sink.nullValue(name);
                }
            }
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    /**
     * A field of the message itself as the field rules see it: its value, or an empty container.
     */
    private JsonNode field(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            default -> scalar(parser, token);
        };
    }

    /** The node Jackson's tree reader makes of a scalar token. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                    switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }
}
