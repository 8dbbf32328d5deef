package io.controlautogeneracion.ingest.api;

import io.controlautogeneracion.model.time.IsoTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Parses and checks the query parameters of the REST API; every problem becomes a 400 with the
 * parameter named. Parameters arrive as strings so that no malformed value reaches JAX-RS's own
 * conversion (which would answer without a reason).
 */
public final class QueryParams {

    /** The buckets {@code /stats} can re-aggregate into. */
    public static final Map<String, Duration> BUCKETS =
            Map.of(
                    "10s",
                    Duration.ofSeconds(10),
                    "1m",
                    Duration.ofMinutes(1),
                    "1h",
                    Duration.ofHours(1));

    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private QueryParams() {}

    /** A checked [from, to) range. */
    public record Range(Instant from, Instant to) {}

    /**
     * {@code from}/{@code to} as ISO-8601 instants with offset or epoch milliseconds; {@code to}
     * defaults to now, {@code from} to one hour before {@code to}.
     */
    public static Range range(String from, String to, Instant now, Duration maxRange) {
        Instant end = isBlank(to) ? now : instant("to", to);
        Instant start = isBlank(from) ? end.minus(DEFAULT_RANGE) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest(
                    "'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(maxRange) > 0) {
            throw ApiException.badRequest(
                    "the range from "
                            + start
                            + " to "
                            + end
                            + " is longer than the "
                            + maxRange
                            + " allowed");
        }
        return new Range(start, end);
    }

    public static Duration bucket(String value, Duration stored) {
        String key = isBlank(value) ? "1m" : value;
        Duration bucket = BUCKETS.get(key);
        if (bucket == null) {
            throw ApiException.badRequest(
                    "'bucket' is '" + value + "', expected one of 10s, 1m, 1h");
        }
        if (bucket.toMillis() % stored.toMillis() != 0) {
            throw ApiException.badRequest(
                    "'bucket' " + key + " is not a multiple of the stored bucket of " + stored);
        }
        return bucket;
    }

    public static int limit(String value, int defaultLimit, int maxLimit) {
        if (isBlank(value)) {
            return defaultLimit;
        }
        int limit = integer("limit", value);
        if (limit < 1 || limit > maxLimit) {
            throw ApiException.badRequest("'limit' is " + limit + ", expected 1 to " + maxLimit);
        }
        return limit;
    }

    public static int page(String value) {
        if (isBlank(value)) {
            return 0;
        }
        int page = integer("page", value);
        if (page < 0) {
            throw ApiException.badRequest("'page' is " + page + ", expected 0 or more");
        }
        return page;
    }

    private static Instant instant(String name, String value) {
        try {
            return IsoTime.parseTimestamp(value);
        } catch (DateTimeException e) {
            throw ApiException.badRequest(
                    "'"
                            + name
                            + "' is '"
                            + value
                            + "', expected an ISO-8601 date-time with offset"
                            + " (2026-11-28T13:00:00Z) or epoch milliseconds");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' is '" + value + "', expected an integer");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
