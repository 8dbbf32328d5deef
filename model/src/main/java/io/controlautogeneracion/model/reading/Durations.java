package io.controlautogeneracion.model.reading;

import java.time.Duration;

/** Short human wording of durations for alarm texts ("7 days", "10 min 3 s"). */
final class Durations {

    private Durations() {}

    /**
     * The two most significant non-zero units of {@code d} (days to seconds), "0 s" or "less than 1
     * s".
     */
    static String describe(Duration d) {
        if (d.isZero()) {
            return "0 s";
        }
        long[] amounts = {d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()};
        String[] units = {" days", " h", " min", " s"};
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < amounts.length && shown < 2; i++) {
            if (amounts[i] != 0) {
                if (shown > 0) {
                    out.append(' ');
                }
                String unit = i == 0 && amounts[i] == 1 ? " day" : units[i];
                out.append(amounts[i]).append(unit);
                shown++;
            }
        }
        return shown == 0 ? "less than 1 s" : out.toString();
    }
}
