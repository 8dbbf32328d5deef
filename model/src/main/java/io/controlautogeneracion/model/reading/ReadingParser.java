package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Parses and validates device messages (SPEC §3) into {@link Reading}s, or into an {@link
 * ParseResult.Invalid} naming the first rule broken. Thread-safe and allocation-light: one pass of
 * Jackson's streaming parser per message ({@link MessageReader}), which hands the message to a
 * {@link JsonSink}: a tree for {@link #parse(DeviceKind, byte[])}, the caller's own form (BSON in
 * ingest-service) for {@link #parse(DeviceKind, byte[], JsonSink)}; no exceptions on the valid
 * path.
 *
 * <p>Decisions: numbers must be JSON numbers (numeric strings are rejected); optional fields that
 * are JSON {@code null} count as absent; {@code NaN}/{@code Infinity} literals are read so that the
 * reason can say "not finite" instead of "not JSON"; duplicate keys and trailing content make the
 * payload invalid JSON; an id must be a non-blank string; a timestamp is an ISO-8601 string with
 * offset or an integer of epoch milliseconds.
 *
 * <p>A message must also be storable as a document as it is: at most {@value #MAX_PAYLOAD_BYTES}
 * bytes (1 MiB) of well-formed UTF-8, nested at most {@value #MAX_NESTING_DEPTH} levels (objects
 * and arrays, the message itself being the first), numbers of at most {@value #MAX_NUMBER_LENGTH}
 * characters, and field names MongoDB can hold ({@link StorableChecks}). Size and UTF-8 are checked
 * on the bytes, depth and number length by the streaming parser, so a hostile payload costs no more
 * than reading it once. Such a message is invalid without a {@code message} tree: it is kept as raw
 * text.
 */
public final class ReadingParser {

    /** The largest payload a message may have (SPEC §3: 1 MiB). */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** The deepest nesting of objects and arrays a message may have (SPEC §3). */
    public static final int MAX_NESTING_DEPTH = 32;

    /** The longest number literal, in characters (Jackson's default, named here). */
    public static final int MAX_NUMBER_LENGTH = 1000;

    // Duplicate names are found by MessageReader, among the fields it keeps anyway (the parser's
    // own detection keeps a set of every object's names). Doubles are read by Jackson's
    // FastDoubleParser: the same correctly rounded values, without the JDK's buffers per number.
    // Each parser's buffers come from a pool per thread without a ThreadLocal (ThreadRecyclers).
    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(MAX_NUMBER_LENGTH)
                                    .build())
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .recyclerPool(new ThreadRecyclers())
                    .build();

    // Package-private for the tests that watch which parser reads a message.
    static final FedParsers FED = new FedParsers(JSON);

    private final FieldRules fieldRules;
    private final boolean fed;

    public ReadingParser(ValidationRules rules, Clock clock) {
        this(rules, clock, true);
    }

    /**
     * {@code fed} false: each message read by a parser of its own, never by the thread's fed one
     * (the reference the fed parsers are held to in tests).
     */
    ReadingParser(ValidationRules rules, Clock clock, boolean fed) {
        this.fieldRules = new FieldRules(rules, clock);
        this.fed = fed;
    }

    /** A parser with {@link ValidationRules#defaults()} and the UTC system clock. */
    public static ReadingParser withDefaults() {
        return new ReadingParser(ValidationRules.defaults(), Clock.systemUTC());
    }

    /** Parses a UTF-8 payload; a null payload (a Kafka tombstone) is an invalid empty message. */
    public ParseResult parse(DeviceKind kind, byte[] payload) {
        TreeSink tree = new TreeSink();
        return withTree(parse(kind, payload, tree), tree);
    }

    /**
     * What {@link #parse(DeviceKind, byte[], JsonSink)} made of a message: the result (with no
     * tree: {@code message()} is null) and whether {@code sink} received the whole JSON object to
     * be stored as the message (a valid one, or one invalid by a field's rule), rather than the
     * message being kept as raw text.
     */
    public record Streamed(ParseResult result, boolean written) {}

    /**
     * Parses a UTF-8 payload as {@link #parse(DeviceKind, byte[])} does, in one pass that hands
     * every value of the message to {@code sink} as it is read instead of building a tree: the same
     * rules, the same reasons. The sink's content is the message only when {@link
     * Streamed#written}; otherwise it may hold part of it, to be discarded.
     */
    public Streamed parse(DeviceKind kind, byte[] payload, JsonSink sink) {
        return parse(kind, payload, sink, now());
    }

    /** The parser's clock's time: what a timestamp's bounds are measured from by default. */
    public Instant now() {
        return fieldRules.now();
    }

    /**
     * The same, with the timestamp's bounds measured from {@code now} (a caller parsing a batch of
     * messages reads its clock once for all of them).
     */
    public Streamed parse(DeviceKind kind, byte[] payload, JsonSink sink, Instant now) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sink, "sink");
        if (payload == null || payload.length == 0) {
            return unwritten(new ParseResult.Invalid("payload is empty", null, null, null, ""));
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return unwritten(tooLarge(payload.length, new String(payload, StandardCharsets.UTF_8)));
        }
        // An ASCII payload, the usual one, is read once for both its end and a backslash.
        int ascii = 0;
        boolean backslash = false;
        while (ascii < payload.length && payload[ascii] >= 0) {
            backslash |= payload[ascii] == '\\';
            ascii++;
        }
        int malformed = ascii == payload.length ? -1 : Utf8.firstMalformed(payload, ascii);
        if (malformed >= 0) {
            return unwritten(
                    new ParseResult.Invalid(
                            String.format(
                                    "payload is not valid UTF-8 (byte 0x%02x at offset %d)",
                                    payload[malformed] & 0xff, malformed),
                            null,
                            null,
                            null,
                            new String(payload, StandardCharsets.UTF_8)));
        }
        // Well-formed UTF-8 encodes no surrogate, and JSON holds no raw control character: only an
        // escape (a backslash) can make a surrogate or a NUL.
        boolean escapes = backslash || hasBackslash(payload, ascii);
        MessageReader.Read read = fed ? FED.read(payload, sink, escapes) : null;
        if (read == null) {
            // Not one JSON object read whole by the thread's parser: a parser of its own reads it
            // again and says what it is.
            sink.restart();
            try (JsonParser json = JSON.createParser(payload)) {
                read = MessageReader.read(json, sink, escapes);
            } catch (JsonProcessingException e) {
                return unwritten(notJson(e, new String(payload, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("reading an in-memory payload", e);
            }
        }
        return check(kind, read, payload, null, now);
    }

    /** Parses a payload that is already text. */
    public ParseResult parse(DeviceKind kind, String payload) {
        Objects.requireNonNull(kind, "kind");
        if (payload == null || payload.isEmpty()) {
            return new ParseResult.Invalid("payload is empty", null, null, null, "");
        }
        // Up to 3 UTF-8 bytes per char: only a long text needs its exact size counted.
        if ((long) payload.length() * 3 > MAX_PAYLOAD_BYTES) {
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_PAYLOAD_BYTES) {
                return tooLarge(bytes, payload);
            }
        }
        TreeSink tree = new TreeSink();
        MessageReader.Read read;
        try (JsonParser json = JSON.createParser(payload)) {
            read = MessageReader.read(json, tree, true);
        } catch (JsonProcessingException e) {
            return notJson(e, payload);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a payload in memory", e);
        }
        return withTree(check(kind, read, null, payload, now()), tree);
    }

    /** The result with the tree the sink built, when it got the whole message. */
    private static ParseResult withTree(Streamed streamed, TreeSink tree) {
        return streamed.written() ? streamed.result().withMessage(tree.root()) : streamed.result();
    }

    private static Streamed unwritten(ParseResult result) {
        return new Streamed(result, false);
    }

    private Streamed check(
            DeviceKind kind, MessageReader.Read read, byte[] bytes, String text, Instant now) {
        if (read.fields() == null) {
            String reason =
                    read.notObject() == null
                            ? "payload is empty (only whitespace)"
                            : "payload is " + read.notObject() + ", expected a JSON object";
            return unwritten(new ParseResult.Invalid(reason, null, null, null, text(bytes, text)));
        }
        MessageFields message = read.fields();
        FieldChecks checks = new FieldChecks(message);
        String id = checks.requiredId(kind.idField());
        Instant timestamp = fieldRules.timestamp(message, checks, now);
        Reading reading = fieldRules.measurements(kind, id, timestamp, checks);
        if (read.unstorable() != null) {
            // The message cannot become a document: only its raw text is kept, with what could be
            // read.
            return unwritten(
                    new ParseResult.Invalid(
                            read.unstorable(), id, timestamp, null, text(bytes, text)));
        }
        String failure = checks.failure();
        if (failure == null) {
            return new Streamed(new ParseResult.Valid(reading, null), true);
        }
        return new Streamed(
                new ParseResult.Invalid(failure, id, timestamp, null, text(bytes, text)), true);
    }

    private static ParseResult tooLarge(int bytes, String rawText) {
        return new ParseResult.Invalid(
                "payload is "
                        + bytes
                        + " bytes, more than the "
                        + MAX_PAYLOAD_BYTES
                        + " bytes (1 MiB) a message may have",
                null,
                null,
                null,
                rawText);
    }

    private static ParseResult notJson(JsonProcessingException e, String rawText) {
        if (e instanceof StreamConstraintsException) {
            String limit =
                    e.getOriginalMessage().contains("nesting depth")
                            ? "payload nests objects and arrays deeper than the "
                                    + MAX_NESTING_DEPTH
                                    + " levels a message may have"
                            : "payload exceeds a limit of the message rules: "
                                    + e.getOriginalMessage();
            return new ParseResult.Invalid(limit, null, null, null, rawText);
        }
        String where =
                e.getLocation() == null
                        ? ""
                        : " (line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr()
                                + ")";
        return new ParseResult.Invalid(
                "payload is not valid JSON" + where + ": " + e.getOriginalMessage(),
                null,
                null,
                null,
                rawText);
    }

    private static boolean hasBackslash(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    private static String text(byte[] bytes, String text) {
        return text != null ? text : new String(bytes, StandardCharsets.UTF_8);
    }
}
