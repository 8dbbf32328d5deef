package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.PanelReading;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.Reading;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import io.controlautogeneracion.model.time.IsoTime;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The parser of landed lines. The landing job validated each message against the clock when it
 * arrived; a back-fill reads hours long past, so here only the shape and the physical ranges are
 * checked again, and the timestamp only against a century either side of the clock this reader is
 * given (a date no device could have sent means a damaged file).
 *
 * <p>A back-fill reads hundreds of millions of lines, nearly all of one plain shape: a flat object
 * of the panel's own fields, no spaces, no escapes, numbers as JSON numbers, a UTC timestamp. Such
 * a panel line is read by hand ({@link #plainPanel}); any other line, and any plain line with a
 * value the rules could refuse, goes to the model's {@link ReadingParser} ({@link #parse}), which
 * decides. The hand reader accepts only what that parser accepts, with the same values.
 *
 * <p>Serialisable with its clock (the system clock or a fixed one), as Flink ships the operators
 * that hold it; thread-safe.
 */
public final class LandedLines implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Duration CENTURY = Duration.ofDays(36_525);
    // Plain lines are taken only well inside the century the parser allows either way.
    private static final long PLAIN_WITHIN_MS = Duration.ofDays(36_000).toMillis();
    private static final int MAX_NUMBER_CHARS = 18;
    private static final ValidationRules RULES =
            new ValidationRules(
                    CENTURY,
                    CENTURY,
                    ValidationRules.defaults().maxLux(),
                    ValidationRules.defaults().maxWindSpeed());

    private final Clock clock;
    private transient volatile ReadingParser parser;

    /**
     * @param clock "now" of the century a landed timestamp must lie within; serialisable, as it
     *     travels into the Flink job with the operators that read the lines
     */
    public LandedLines(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The model's verdict on a landed line (what {@link #plain} leaves to it). */
    public ParseResult parse(DeviceKind kind, String line) {
        ReadingParser p = parser;
        if (p == null) {
            // Built on first use: the parser is not serialisable, the clock is.
            p = new ReadingParser(RULES, clock);
            parser = p;
        }
        return p.parse(kind, line);
    }

    /**
     * The reading of a plain line read by hand, or null when the line must go to {@link #parse}
     * (which then decides whether it is valid).
     */
    public Reading plain(DeviceKind kind, String line) {
        return plain(kind, line, nowMillis());
    }

    /**
     * {@link #plain(DeviceKind, String)} against {@code nowMs}, the clock read once for a batch of
     * lines ({@link #nowMillis}): the bound is a century, and reading the clock for every line took
     * 6 % of a back-fill's reading.
     */
    public Reading plain(DeviceKind kind, String line, long nowMs) {
        return kind == DeviceKind.PANEL ? plainPanel(line, nowMs) : null;
    }

    /** This reader's clock, now. */
    public long nowMillis() {
        return clock.millis();
    }

    /**
     * The reading of a plain panel line ({@code
     * {"panel_id":"P-1","timestamp":"2025-01-01T00:00:00Z", "power_w":120.5}}, fields in any order,
     * optionally {@code energy_wh}, {@code voltage_v}, {@code current_a}, {@code temperature_c}),
     * or null when the line is not plain or the parser must judge it.
     */
    static PanelReading plainPanel(String s, long nowMs) {
        int n = s.length();
        if (n < 2 || s.charAt(0) != '{' || s.charAt(n - 1) != '}') {
            return null;
        }
        String id = null;
        Instant time = null;
        double power = Double.NaN;
        Double energy = null;
        Double voltage = null;
        Double current = null;
        Double temperature = null;
        int seen = 0;
        int pos = 1;
        while (true) {
            if (pos >= n || s.charAt(pos) != '"') {
                return null;
            }
            int keyEnd = plainStringEnd(s, pos + 1);
            if (keyEnd < 0 || keyEnd + 1 >= n || s.charAt(keyEnd + 1) != ':') {
                return null;
            }
            int field = field(s, pos + 1, keyEnd);
            if (field < 0 || (seen & (1 << field)) != 0) {
                // Another field, or a duplicate (which the parser refuses): the parser decides.
                return null;
            }
            seen |= 1 << field;
            int value = keyEnd + 2;
            int valueEnd;
            if (field <= 1) {
                if (value >= n || s.charAt(value) != '"') {
                    return null;
                }
                valueEnd = plainStringEnd(s, value + 1);
                if (valueEnd < 0) {
                    return null;
                }
                if (field == 0) {
                    id = s.substring(value + 1, valueEnd);
                    if (id.isBlank()) {
                        return null;
                    }
                } else {
                    time = utc(s, value + 1, valueEnd);
                    if (time == null) {
                        return null;
                    }
                }
                valueEnd++;
            } else {
                valueEnd = numberEnd(s, value, n);
                if (valueEnd < 0) {
                    return null;
                }
                double v = number(s, value, valueEnd);
                if (!Double.isFinite(v)) {
                    return null;
                }
                switch (field) {
                    case 2 -> power = v;
                    case 3 -> energy = v;
                    case 4 -> voltage = v;
                    case 5 -> current = v;
                    default -> temperature = v;
                }
            }
            if (valueEnd >= n) {
                return null;
            }
            char next = s.charAt(valueEnd);
            if (next == '}') {
                if (valueEnd != n - 1) {
                    return null;
                }
                break;
            }
            if (next != ',') {
                return null;
            }
            pos = valueEnd + 1;
        }
        if ((seen & 0b111) != 0b111
                || power < 0
                || (energy != null && energy < 0)
                || Math.abs(time.toEpochMilli() - nowMs) > PLAIN_WITHIN_MS) {
            return null;
        }
        return new PanelReading(id, time, power, energy, voltage, current, temperature);
    }

    private static final String[] FIELDS = {
        "panel_id", "timestamp", "power_w", "energy_wh", "voltage_v", "current_a", "temperature_c"
    };

    private static int field(String s, int from, int to) {
        for (int i = 0; i < FIELDS.length; i++) {
            String f = FIELDS[i];
            if (f.length() == to - from && s.startsWith(f, from)) {
                return i;
            }
        }
        return -1;
    }

    /** The closing quote of a string of printable ASCII without escapes from {@code i}, or -1. */
    private static int plainStringEnd(String s, int i) {
        for (int n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c > 0x7e || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** The end of a JSON number from {@code i} (short, without a leading zero), or -1. */
    private static int numberEnd(String s, int i, int n) {
        int start = i;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits || (s.charAt(digits) == '0' && i - digits > 1)) {
            return -1;
        }
        if (i < n && s.charAt(i) == '.') {
            int fraction = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == fraction) {
                return -1;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == exponent) {
                return -1;
            }
        }
        return i - start > MAX_NUMBER_CHARS ? -1 : i;
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    /**
     * The value of the JSON number in {@code [from, to)}, as {@link Double#parseDouble} gives it. A
     * decimal of at most 15 digits without exponent is worked out directly: its digits and its
     * power of ten are exact doubles, so one division is the correctly rounded value, as
     * parseDouble's.
     */
    private static double number(String s, int from, int to) {
        boolean negative = s.charAt(from) == '-';
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                fraction = 0;
            } else if (isDigit(c) && count < 15) {
                digits = digits * 10 + (c - '0');
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return Double.parseDouble(s.substring(from, to));
            }
        }
        double v = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : (double) digits;
        return negative ? -v : v;
    }

    /**
     * The instant of a UTC date-time ({@code ...Z}) in {@code [from, to)}, as the parser reads it,
     * or null for any other text.
     */
    private static Instant utc(String s, int from, int to) {
        return to - from < 17 || s.charAt(to - 1) != 'Z' ? null : IsoTime.parseOrNull(s, from, to);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
