package io.controlautogeneracion.simulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The few JSON pieces the simulator writes, by hand: fixed decimals from integer arithmetic (so the
 * bytes do not depend on a JVM's shortest-double algorithm) and strings escaped by Jackson.
 */
final class Json {

    private static final long[] SCALE = {1, 10, 100, 1000};

    private Json() {}

    /** Appends {@code value} rounded half-up to {@code decimals} (0–3), without trailing zeros. */
    static StringBuilder number(StringBuilder sb, double value, int decimals) {
        long scale = SCALE[decimals];
        long units = Math.round(value * scale);
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        sb.append(units / scale);
        long frac = units % scale;
        if (frac != 0) {
            sb.append('.');
            String digits = Long.toString(frac + scale).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(digits, 0, end);
        }
        return sb;
    }

    /** Appends a quoted, escaped JSON string. */
    static StringBuilder string(StringBuilder sb, String value) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, sb);
        return sb.append('"');
    }

    /** Appends {@code "name":} after a comma unless it is the object's first field. */
    static StringBuilder field(StringBuilder sb, String name) {
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(',');
        }
        return string(sb, name).append(':');
    }
}
