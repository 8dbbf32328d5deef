package io.controlautogeneracion.dashboards;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two answers of one query are the same rows: equal values, numbers equal but for the last
 * bits of a floating-point sum (Druid adds up segments in no fixed order, so a sum of doubles may
 * differ in its last digits between two segment layouts).
 */
final class AnswerCheck {
    private static final double RELATIVE = 1e-9;

    private AnswerCheck() {}

    static boolean same(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            if (!e.keySet().equals(a.keySet())) {
                return false;
            }
            for (String column : e.keySet()) {
                if (!same(e.get(column), a.get(column))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            double x = e.doubleValue();
            double y = a.doubleValue();
            return x == y || Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
        }
        return Objects.equals(expected, actual);
    }
}
