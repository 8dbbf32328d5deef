package io.controlautogeneracion.model.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How the system reads and writes its timestamps and dates (SPEC §3: "ISO-8601 with offset or epoch
 * milliseconds"). Every module parses time through here, so a timestamp one part accepts is one
 * every other part accepts, with the same value.
 *
 * <ul>
 *   <li>A <b>date-time with offset</b> is ISO-8601 as {@link
 *       DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it ({@code 2026-11-28T13:00:05Z}, {@code
 *       2026-11-28T14:00:05.25+01:00}, seconds optional, a fraction of 1 to 9 digits, {@code T} and
 *       {@code Z} in either case), except a decimal point without digits ({@code 13:00:05.Z}):
 *       ISO-8601 wants at least one, and a device that sends none is broken. The usual shape is
 *       read by hand, without allocation or exceptions (the ingest hot path, the back-fill's
 *       hundreds of millions of lines, a survey's year of minutes); any other shape goes to
 *       java.time.
 *   <li>A <b>timestamp</b> is such a date-time or epoch milliseconds: a JSON integer, or, where
 *       only text can come (a query parameter, a CSV field), 1 to 18 digits with an optional minus.
 *   <li>A <b>date</b> is {@code yyyy-MM-dd}; a blank one is no date (null).
 *   <li>The catalog's relation dates are instants that may also be written as a bare date, its
 *       start in UTC ({@link #parseInstantOrDate}).
 *   <li>Written: instants as ISO-8601 UTC ({@link Instant#toString()}), dates as {@code
 *       yyyy-MM-dd}, and a local view with its zone's offset ({@link #format(Instant, ZoneId)}).
 * </ul>
 */
public final class IsoTime {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    private IsoTime() {}

    /**
     * The instant of an ISO-8601 date-time with offset.
     *
     * @throws DateTimeParseException when {@code text} is not one
     */
    public static Instant parse(String text) {
        Instant instant = parseOrNull(text);
        if (instant == null) {
            throw new DateTimeParseException(
                    "Text '" + text + "' is not an ISO-8601 date-time with offset", text, 0);
        }
        return instant;
    }

    /** The instant of an ISO-8601 date-time with offset, or null: never an exception. */
    public static Instant parseOrNull(String text) {
        return text == null ? null : parseOrNull(text, 0, text.length());
    }

    /**
     * The instant of the ISO-8601 date-time with offset in {@code text[from, to)}, or null; for
     * hand readers of longer texts, which need not cut the date-time out.
     */
    public static Instant parseOrNull(String text, int from, int to) {
        Instant fast = fastPath(text, from, to);
        if (fast != null) {
            return fast == UNREADABLE ? null : fast;
        }
        return javaTime(text.substring(from, to));
    }

    /**
     * A timestamp written as text: epoch milliseconds ({@code -?[0-9]{1,18}}) or an ISO-8601
     * date-time with offset.
     *
     * @throws DateTimeParseException when {@code text} is neither
     */
    public static Instant parseTimestamp(String text) {
        if (text != null && EPOCH_MILLIS.matcher(text).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        return parse(text);
    }

    /**
     * A timestamp as a JSON value holds it: an integer of epoch milliseconds, or a string with an
     * ISO-8601 date-time with offset; null for JSON null or no node.
     *
     * @throws DateTimeException when the node is anything else
     */
    public static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        throw new DateTimeException("not a timestamp: " + node);
    }

    /**
     * A timestamp as a JSON library hands a value over (Druid's answers): a whole {@link Number} of
     * epoch milliseconds, or text with an ISO-8601 date-time with offset; null for null.
     *
     * @throws DateTimeException when the value is anything else
     */
    public static Instant timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return timestamp(node);
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString());
        }
        throw new DateTimeException("not a timestamp: " + value);
    }

    /**
     * An instant of the catalog: an ISO-8601 date-time with offset, or a bare date ({@code
     * 2026-06-01}) meaning its start in UTC; surrounding blanks are ignored and a blank text is
     * null.
     *
     * @throws DateTimeParseException when the text is neither
     */
    public static Instant parseInstantOrDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return parse(t);
    }

    /**
     * A date, {@code yyyy-MM-dd}; surrounding blanks are ignored and a blank text is null.
     *
     * @throws DateTimeParseException when the text is not such a date
     */
    public static LocalDate parseDate(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    /** ISO-8601 UTC, {@code 2026-11-28T13:00:05Z}: how instants are written everywhere. */
    public static String format(Instant instant) {
        return instant.toString();
    }

    /** ISO-8601 with the offset {@code zone} has at {@code instant}: a local view for people. */
    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /**
     * Days since 1970-01-01 of a valid proleptic Gregorian date, as {@link LocalDate#toEpochDay()}
     * gives them, without objects.
     */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    // The fast path's answer for text of the usual shape that is no date-time (a 31 November):
    // java.time would refuse it too, so it is not asked.
    private static final Instant UNREADABLE = Instant.MIN;

    /**
     * {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM)} read by hand: its instant, {@link
     * #UNREADABLE} when it has that shape but no such date-time exists, null when the shape is
     * another (java.time decides).
     */
    private static Instant fastPath(String s, int from, int to) {
        if (to - from < 17
                || s.charAt(from + 4) != '-'
                || s.charAt(from + 7) != '-'
                || (s.charAt(from + 10) != 'T' && s.charAt(from + 10) != 't')
                || s.charAt(from + 13) != ':') {
            return null;
        }
        int year = digits(s, from, 4, to);
        int month = digits(s, from + 5, 2, to);
        int day = digits(s, from + 8, 2, to);
        int hour = digits(s, from + 11, 2, to);
        int minute = digits(s, from + 14, 2, to);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int pos = from + 16;
        int second = 0;
        int nanos = 0;
        if (pos < to && s.charAt(pos) == ':') {
            second = digits(s, pos + 1, 2, to);
            if (second < 0) {
                return null;
            }
            pos += 3;
            if (pos < to && s.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < to && isDigit(s.charAt(pos))) {
                    pos++;
                }
                int count = pos - start;
                if (count == 0 || count > 9) {
                    // No digit after the point (which java.time would take), or more than
                    // nanoseconds.
                    return UNREADABLE;
                }
                nanos = digits(s, start, count, to);
                for (int i = count; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds;
        char z = pos < to ? s.charAt(pos) : ' ';
        if (pos == to - 1 && (z == 'Z' || z == 'z')) {
            offsetSeconds = 0;
        } else if (pos == to - 6 && (z == '+' || z == '-') && s.charAt(pos + 3) == ':') {
            int oh = digits(s, pos + 1, 2, to);
            int om = digits(s, pos + 4, 2, to);
            if ((oh | om) < 0) {
                return null;
            }
            if (oh > 18 || om > 59 || (oh == 18 && om > 0)) {
                return UNREADABLE;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23
                || minute > 59
                || second > 59) {
            return UNREADABLE;
        }
        long seconds =
                epochDay(year, month, day) * 86_400L
                        + hour * 3600
                        + minute * 60
                        + second
                        - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Any other shape: java.time's reading, but never a decimal point without digits. */
    private static Instant javaTime(String text) {
        int point = text.indexOf('.');
        if (point >= 0 && (point + 1 == text.length() || !isDigit(text.charAt(point + 1)))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // Not a date-time with offset: the caller says what it expected.
            return null;
        }
    }

    /** The number written with {@code count} ASCII digits at {@code from} (before {@code to}). */
    private static int digits(String s, int from, int count, int to) {
        if (from + count > to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
