package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a simulated device garbles a message, each one breaking one rule of SPEC §3 so that the
 * parser rejects it with a reason: broken JSON, not an object, a missing or mistyped field, a value
 * out of physical range, a timestamp that cannot be read, far in the future or too old.
 */
enum Malformation {
    NOT_JSON,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    NEGATIVE_VALUE,
    OUT_OF_RANGE,
    UNREADABLE_TIMESTAMP,
    FUTURE_TIMESTAMP,
    TOO_OLD;

    private static final long DAY = 86_400_000L;

    /** The garbled text of a message given as its ordered fields (name, JSON text of the value). */
    String apply(DeviceKind kind, List<String[]> fields, long eventMs) {
        String measure = measurement(kind);
        List<String[]> f = new ArrayList<>();
        fields.forEach(p -> f.add(p.clone()));
        switch (this) {
            case NOT_JSON -> {
                String whole = render(f);
                return whole.substring(0, whole.length() / 2);
            }
            case NOT_AN_OBJECT -> {
                return "[" + render(f) + "]";
            }
            case MISSING_FIELD -> f.removeIf(p -> p[0].equals(measure));
            case WRONG_TYPE -> set(f, measure, "\"" + get(f, measure) + "\"");
            case NEGATIVE_VALUE -> set(f, measure, "-12.5");
            case OUT_OF_RANGE -> {
                switch (kind) {
                    case PANEL -> set(f, measure, "NaN");
                    case LIGHT -> set(f, measure, "250000");
                    case WIND -> set(f, "wind_direction", "400");
                }
            }
            case UNREADABLE_TIMESTAMP -> set(f, "timestamp", "\"yesterday at noon\"");
            case FUTURE_TIMESTAMP -> set(f, "timestamp", Long.toString(eventMs + 30 * DAY));
            case TOO_OLD -> set(f, "timestamp", Long.toString(eventMs - 30 * DAY));
        }
        return render(f);
    }

    static String measurement(DeviceKind kind) {
        return switch (kind) {
            case PANEL -> "power_w";
            case LIGHT -> "lux";
            case WIND -> "wind_speed";
        };
    }

    static String render(List<String[]> fields) {
        StringBuilder sb = new StringBuilder(160).append('{');
        for (String[] p : fields) {
            Json.field(sb, p[0]).append(p[1]);
        }
        return sb.append('}').toString();
    }

    private static String get(List<String[]> f, String name) {
        for (String[] p : f) {
            if (p[0].equals(name)) {
                return p[1];
            }
        }
        throw new IllegalStateException("no field " + name);
    }

    private static void set(List<String[]> f, String name, String value) {
        for (String[] p : f) {
            if (p[0].equals(name)) {
                p[1] = value;
                return;
            }
        }
        throw new IllegalStateException("no field " + name);
    }
}
