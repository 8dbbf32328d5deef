package io.controlautogeneracion.ingest.fuzz;

import io.controlautogeneracion.model.reading.ReadingParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates device messages, valid and hostile, from a seed: the same seed gives the same kinds,
 * shapes and sizes (timestamps follow the clock). Each message says whether it must be stored in
 * {@code topic} or in {@code topic_alarm}.
 */
final class HostileMessages {

    /** What a generated message is; the summary table has one row per kind. */
    enum Kind {
        VALID,
        DOTTED_NAME,
        RANDOM_BYTES,
        INVALID_UTF8,
        DEEP_NESTING,
        NUL_NAME,
        DOLLAR_NAME,
        UNPAIRED_SURROGATE,
        HUGE_NUMBER,
        NEAR_SIZE_LIMIT,
        WRONG_TYPE,
        FAR_TIMESTAMP,
        DUPLICATE_KEY,
        NOT_AN_OBJECT
    }

    record Message(String topic, String key, byte[] payload, Kind kind, boolean valid) {}

    static final String[] TOPICS = {"panel", "sensor-light", "sensor-wind"};
    private static final String[] ID_FIELDS = {"panel_id", "light_id", "wind_id"};
    private static final String[] MEASURES = {"power_w", "lux", "wind_speed"};
    private static final Kind[] HOSTILE = {
        Kind.DOTTED_NAME,
        Kind.RANDOM_BYTES,
        Kind.INVALID_UTF8,
        Kind.DEEP_NESTING,
        Kind.NUL_NAME,
        Kind.DOLLAR_NAME,
        Kind.UNPAIRED_SURROGATE,
        Kind.HUGE_NUMBER,
        Kind.WRONG_TYPE,
        Kind.FAR_TIMESTAMP,
        Kind.DUPLICATE_KEY,
        Kind.NOT_AN_OBJECT
    };

    private final SplittableRandom random;
    private final Instant now;

    HostileMessages(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.now = now;
    }

    /** The next message: valid about half of the time, messages near 1 MiB one in 400. */
    Message next() {
        int device = random.nextInt(3);
        String id = "fuzz-" + TOPICS[device] + "-" + random.nextInt(50);
        Kind kind;
        if (random.nextInt(400) == 0) {
            kind = Kind.NEAR_SIZE_LIMIT;
        } else if (random.nextBoolean()) {
            kind = Kind.VALID;
        } else {
            kind = HOSTILE[random.nextInt(HOSTILE.length)];
        }
        String key = random.nextInt(20) == 0 ? null : id;
        return build(kind, device, id, key);
    }

    private Message build(Kind kind, int device, String id, String key) {
        String topic = TOPICS[device];
        String base = base(device, id, Instant.now().minusSeconds(random.nextInt(3600)));
        switch (kind) {
            case VALID:
                return text(topic, key, base + "}", kind, true);
            case DOTTED_NAME:
                return text(topic, key, base + ",\"fw.version\":{\"a.b\":1}}", kind, true);
            case RANDOM_BYTES:
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                if (bytes.length > 0 && random.nextBoolean()) {
                    bytes[0] = '{';
                }
                return new Message(topic, key, bytes, kind, false);
            case INVALID_UTF8:
                return invalidUtf8(topic, key, base, kind);
            case DEEP_NESTING:
                int levels = 33 + random.nextInt(random.nextBoolean() ? 10 : 5_000);
                String inner = "[".repeat(levels - 1) + "]".repeat(levels - 1);
                return text(topic, key, base + ",\"deep\":" + inner + "}", kind, false);
            case NUL_NAME:
                return text(topic, key, base + ",\"a\\u0000b\":1}", kind, false);
            case DOLLAR_NAME:
                String dollar = random.nextBoolean() ? "\"$where\":1" : "\"x\":[{\"$ref\":\"c\"}]";
                return text(topic, key, base + "," + dollar + "}", kind, false);
            case UNPAIRED_SURROGATE:
                return text(topic, key, base + ",\"note\":\"ok\\ud800\"}", kind, false);
            case HUGE_NUMBER:
                return hugeNumber(topic, key, base, kind);
            case NEAR_SIZE_LIMIT:
                int target = ReadingParser.MAX_PAYLOAD_BYTES - 50 + random.nextInt(100);
                String shell = base + ",\"pad\":\"\"}";
                String pad = "x".repeat(Math.max(0, target - shell.length()));
                String near = base + ",\"pad\":\"" + pad + "\"}";
                return text(
                        topic, key, near, kind, near.length() <= ReadingParser.MAX_PAYLOAD_BYTES);
            case WRONG_TYPE:
                return wrongType(topic, key, device, id, kind);
            case FAR_TIMESTAMP:
                return farTimestamp(topic, key, device, id, kind);
            case DUPLICATE_KEY:
                return text(topic, key, base + ",\"" + MEASURES[device] + "\":2}", kind, false);
            case NOT_AN_OBJECT:
                String[] others = {"[1,2]", "\"text\"", "42", "null", "true", "", "  ", "{", base};
                return text(topic, key, others[random.nextInt(others.length)], kind, false);
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** A valid message of the device without its closing brace. */
    private String base(int device, String id, Instant at) {
        String timestamp =
                random.nextBoolean() ? "\"" + at + "\"" : Long.toString(at.toEpochMilli());
        return "{\""
                + ID_FIELDS[device]
                + "\":\""
                + id
                + "\",\"timestamp\":"
                + timestamp
                + ",\""
                + MEASURES[device]
                + "\":"
                + random.nextInt(100);
    }

    private Message invalidUtf8(String topic, String key, String base, Kind kind) {
        byte[][] bad = {
            {(byte) 0xff},
            {(byte) 0xc0, (byte) 0x80},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            {(byte) 0xd1}
        };
        byte[] head = (base + ",\"site\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, payload, 0, head.length);
        System.arraycopy(middle, 0, payload, head.length, middle.length);
        System.arraycopy(tail, 0, payload, head.length + middle.length, tail.length);
        return new Message(topic, key, payload, kind, false);
    }

    private Message hugeNumber(String topic, String key, String base, Kind kind) {
        switch (random.nextInt(4)) {
            case 0:
                // A measurement that overflows a double: not finite.
                return text(topic, key, base.replaceAll(":\\d+$", ":1e400") + "}", kind, false);
            case 1:
                return text(
                        topic,
                        key,
                        base + ",\"x\":1" + "0".repeat(1_000 + random.nextInt(50_000)) + "}",
                        kind,
                        false);
            case 2:
                // An unknown field with a long but allowed number is kept (Decimal128 or text).
                return text(
                        topic,
                        key,
                        base + ",\"x\":" + "9".repeat(20 + random.nextInt(900)) + "}",
                        kind,
                        true);
            default:
                return text(topic, key, base + ",\"x\":-1.5e308,\"y\":4.9e-324}", kind, true);
        }
    }

    private Message wrongType(String topic, String key, int device, String id, Kind kind) {
        String idField = ID_FIELDS[device];
        String measure = MEASURES[device];
        String[] variants = {
            "{\"" + idField + "\":42,\"timestamp\":\"" + now + "\",\"" + measure + "\":1}",
            "{\"" + idField + "\":\"" + id + "\",\"timestamp\":true,\"" + measure + "\":1}",
            "{\""
                    + idField
                    + "\":\""
                    + id
                    + "\",\"timestamp\":\""
                    + now
                    + "\",\""
                    + measure
                    + "\":\"12.5\"}",
            "{\""
                    + idField
                    + "\":\""
                    + id
                    + "\",\"timestamp\":\""
                    + now
                    + "\",\""
                    + measure
                    + "\":[1]}",
            "{\""
                    + idField
                    + "\":\""
                    + id
                    + "\",\"timestamp\":\""
                    + now
                    + "\",\""
                    + measure
                    + "\":-1}",
            "{\"" + idField + "\":\"" + id + "\",\"timestamp\":\"" + now + "\"}"
        };
        return text(topic, key, variants[random.nextInt(variants.length)], kind, false);
    }

    private Message farTimestamp(String topic, String key, int device, String id, Kind kind) {
        String prefix = "{\"" + ID_FIELDS[device] + "\":\"" + id + "\",\"timestamp\":";
        String suffix = ",\"" + MEASURES[device] + "\":1}";
        switch (random.nextInt(7)) {
            case 0:
                return text(
                        topic,
                        key,
                        prefix + "\"" + now.plus(Duration.ofDays(400)) + "\"" + suffix,
                        kind,
                        false);
            case 1:
                return text(
                        topic,
                        key,
                        prefix + "\"" + now.minus(Duration.ofDays(8)) + "\"" + suffix,
                        kind,
                        false);
            case 2:
                return text(
                        topic,
                        key,
                        prefix + "\"+999999999-12-31T23:59:59Z\"" + suffix,
                        kind,
                        false);
            case 3:
                return text(topic, key, prefix + Long.MAX_VALUE + suffix, kind, false);
            case 4:
                return text(topic, key, prefix + "-62135596800000" + suffix, kind, false);
            case 5:
                // Within the bounds on both sides: valid.
                return text(
                        topic,
                        key,
                        prefix + "\"" + now.plus(Duration.ofMinutes(3)) + "\"" + suffix,
                        kind,
                        true);
            default:
                return text(
                        topic,
                        key,
                        prefix + now.minus(Duration.ofDays(6)).toEpochMilli() + suffix,
                        kind,
                        true);
        }
    }

    private static Message text(String topic, String key, String json, Kind kind, boolean valid) {
        return new Message(topic, key, json.getBytes(StandardCharsets.UTF_8), kind, valid);
    }
}
