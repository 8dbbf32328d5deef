package io.controlautogeneracion.solar.survey;

import io.controlautogeneracion.model.time.IsoTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@code timestamp,lux} lines: ISO-8601 with an offset or epoch milliseconds, an optional
 * header, blank lines and {@code #} comments skipped. Readings come back sorted by time, with
 * repeated timestamps dropped (the first one read wins) and counted.
 */
public final class ReadingsCsv {

    /** Readings in time order and how many repeated timestamps were dropped. */
    public record Parsed(List<LuxReading> readings, int duplicatesDropped) {}

    private ReadingsCsv() {}

    /** Parses a whole CSV; {@code source} names it in error messages ("readings.csv:17: ..."). */
    public static Parsed read(BufferedReader in, String source) throws IOException {
        List<LuxReading> readings = new ArrayList<>();
        boolean first = true;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            String text = first ? stripBom(line).strip() : line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean header = first && isHeader(text);
            first = false;
            if (!header) {
                readings.add(parse(text, source, lineNumber));
            }
        }
        if (readings.isEmpty()) {
            throw new SurveyInputException(source + ": no readings");
        }
        // A stable sort keeps the first of equal timestamps first.
        readings.sort(Comparator.comparing(LuxReading::time));
        List<LuxReading> unique = new ArrayList<>(readings.size());
        for (LuxReading r : readings) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).time().equals(r.time())) {
                unique.add(r);
            }
        }
        return new Parsed(unique, readings.size() - unique.size());
    }

    static LuxReading parse(String text, String source, int line) {
        String[] fields = text.split(",", -1);
        if (fields.length != 2) {
            throw error(
                    source,
                    line,
                    "expected 2 fields 'timestamp,lux', found " + fields.length + ": " + text);
        }
        Instant time = parseTime(fields[0].strip(), source, line);
        String luxText = fields[1].strip();
        double lux;
        try {
            lux = Double.parseDouble(luxText);
        } catch (NumberFormatException e) {
            throw error(source, line, "lux '" + luxText + "' is not a number");
        }
        if (!Double.isFinite(lux) || lux < 0) {
            throw error(source, line, "lux must be a finite number >= 0, got '" + luxText + "'");
        }
        return new LuxReading(time, lux, line);
    }

    private static Instant parseTime(String text, String source, int line) {
        try {
            return IsoTime.parseTimestamp(text);
        } catch (DateTimeException e) {
            throw error(
                    source,
                    line,
                    "timestamp '"
                            + text
                            + "' is neither ISO-8601 with an offset (2026-06-01T12:00:00+02:00,"
                            + " ...Z) nor epoch milliseconds");
        }
    }

    /**
     * A first line such as "timestamp,lux" is a header: no digit in its first field and no number
     * in its second, so a first reading with a mangled timestamp is still reported, not skipped.
     */
    private static boolean isHeader(String text) {
        String[] fields = text.split(",", -1);
        if (fields[0].chars().anyMatch(Character::isDigit)) {
            return false;
        }
        if (fields.length < 2) {
            return true;
        }
        try {
            Double.parseDouble(fields[1].strip());
            return false;
        } catch (NumberFormatException e) {
            return true; // a label such as "lux": the line is a header
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static SurveyInputException error(String source, int line, String message) {
        return new SurveyInputException(source + ":" + line + ": " + message);
    }
}
