package io.controlautogeneracion.model.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 date-times with an offset. The usual device form ({@code
 * 2026-11-28T13:00:05[.fraction](Z|+01:00)}) is read by hand without allocation or exceptions,
 * because it is on the ingest hot path; any other shape falls back to {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
 */
final class IsoTimestamps {

    private IsoTimestamps() {}

    /** The instant written in {@code text}, or null when it is not ISO-8601 with an offset. */
    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || !shapeOfDateTime(text)) {
            return slowParse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int pos = 19;
        int nanos = 0;
        if (text.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < n && isDigit(text.charAt(pos))) {
                pos++;
            }
            int count = pos - start;
            if (count == 0 || count > 9) {
                // java.time would accept a bare "." before the offset; a device sending it is
                // broken.
                return null;
            }
            nanos = digits(text, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, pos);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return slowParse(text);
        }
        if (month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean shapeOfDateTime(String s) {
        char t = s.charAt(10);
        return s.charAt(4) == '-'
                && s.charAt(7) == '-'
                && (t == 'T' || t == 't')
                && s.charAt(13) == ':'
                && s.charAt(16) == ':'
                && allDigits(s, 0, 4)
                && allDigits(s, 5, 2)
                && allDigits(s, 8, 2)
                && allDigits(s, 11, 2)
                && allDigits(s, 14, 2)
                && allDigits(s, 17, 2);
    }

    /** Offset in seconds of the suffix starting at {@code pos}, or MIN_VALUE if not understood. */
    private static int offsetSeconds(String s, int pos) {
        int rest = s.length() - pos;
        if (rest == 1) {
            char z = s.charAt(pos);
            return z == 'Z' || z == 'z' ? 0 : Integer.MIN_VALUE;
        }
        char sign = s.charAt(pos);
        if (rest != 6
                || (sign != '+' && sign != '-')
                || s.charAt(pos + 3) != ':'
                || !allDigits(s, pos + 1, 2)
                || !allDigits(s, pos + 4, 2)) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, pos + 1, 2);
        int minutes = digits(s, pos + 4, 2);
        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static Instant slowParse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // Not a date-time with offset: the caller turns null into an invalid-message reason.
            return null;
        }
    }

    private static boolean allDigits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
