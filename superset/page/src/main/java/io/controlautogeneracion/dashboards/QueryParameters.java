package io.controlautogeneracion.dashboards;

import io.controlautogeneracion.model.time.IsoTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the parameters of a request, by name, into the positional Druid SQL parameters of a named
 * query, typed as its header documents them and bounded, so that what a browser sends is only ever
 * a bound value, never SQL, and no request asks Druid for an unbounded amount of work.
 */
public final class QueryParameters {
    /** The longest time range a request may ask for. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);

    static final int MAX_TEXT = 200;
    static final Set<String> SCOPES = Set.of("client_id", "postal_code", "model");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Bounds of the integer parameters by name; others are 0 to 100 000. */
    private static final Map<String, long[]> WHOLE_BOUNDS =
            Map.of("hours", new long[] {1, 168}, "max_panels", new long[] {1, 1000});

    private QueryParameters() {}

    /**
     * The values of {@code query}'s parameters in order; a name documented twice takes the same
     * value at both places.
     *
     * @throws DashboardsException (400) for a parameter missing, unknown or out of bounds
     */
    public static List<Object> bind(NamedQuery query, Map<String, String> given) {
        Set<String> documented = new TreeSet<>();
        query.params().forEach(p -> documented.add(p.name()));
        for (String name : given.keySet()) {
            if (!documented.contains(name)) {
                throw bad(
                        "unknown parameter '"
                                + name
                                + "': "
                                + query.name()
                                + " takes "
                                + (documented.isEmpty() ? "none" : String.join(", ", documented)));
            }
        }
        Map<String, Object> byName = new HashMap<>();
        List<Object> values = new ArrayList<>();
        for (NamedQuery.Param param : query.params()) {
            String raw = given.get(param.name());
            if (raw == null) {
                throw bad(query.name() + " needs the parameter '" + param.name() + "'");
            }
            values.add(byName.computeIfAbsent(param.name(), name -> convert(param, raw)));
        }
        checkRange(byName);
        return values;
    }

    private static Object convert(NamedQuery.Param param, String raw) {
        String name = param.name();
        return switch (param.type()) {
            case "VARCHAR" -> text(name, raw);
            case "TIMESTAMP" -> instant(name, raw);
            case "BIGINT" -> whole(name, raw);
            case "DOUBLE" -> decimal(name, raw);
            default -> throw new IllegalStateException("type " + param.type() + " of " + name);
        };
    }

    private static String text(String name, String raw) {
        if (raw.isEmpty()
                || raw.length() > MAX_TEXT
                || raw.chars().anyMatch(Character::isISOControl)) {
            throw bad(name + " must be 1 to " + MAX_TEXT + " printable characters");
        }
        if (name.equals("scope") && !SCOPES.contains(raw)) {
            throw bad("scope must be one of " + new TreeSet<>(SCOPES) + ", got '" + raw + "'");
        }
        if (name.equals("time_zone")) {
            try {
                ZoneId.of(raw);
            } catch (DateTimeException e) {
                throw bad("time_zone '" + raw + "' is not an IANA time zone (Europe/Madrid, UTC)");
            }
        }
        return raw;
    }

    private static Instant instant(String name, String raw) {
        Instant value;
        try {
            value = IsoTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw bad(
                    name
                            + " '"
                            + raw
                            + "' is not an ISO-8601 instant such as 2026-11-28T13:00:00Z");
        }
        if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
            throw bad(name + " must lie in [" + EARLIEST + ", " + LATEST + "), got " + raw);
        }
        return value;
    }

    private static Long whole(String name, String raw) {
        long[] bounds = WHOLE_BOUNDS.getOrDefault(name, new long[] {0, 100_000});
        try {
            long value = Long.parseLong(raw);
            if (value >= bounds[0] && value <= bounds[1]) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the bounds.
        }
        throw bad(name + " must be a whole number from " + bounds[0] + " to " + bounds[1]);
    }

    private static Double decimal(String name, String raw) {
        boolean share = name.equals("min_coverage");
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value) && (!share || (value >= 0 && value <= 1))) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw bad(name + " must be " + (share ? "a number from 0 to 1" : "a finite number"));
    }

    private static void checkRange(Map<String, Object> byName) {
        if (byName.get("range_from") instanceof Instant from
                && byName.get("range_to") instanceof Instant to) {
            if (!from.isBefore(to)) {
                throw bad("range_from " + from + " is not before range_to " + to);
            }
            if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
                throw bad(
                        "the range from "
                                + from
                                + " to "
                                + to
                                + " is longer than "
                                + MAX_RANGE.toDays()
                                + " days");
            }
        }
    }

    private static DashboardsException bad(String message) {
        return new DashboardsException(400, message);
    }
}
