package io.controlautogeneracion.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the columns a named query returns: the items of its outermost {@code SELECT} list,
 * each by its alias ({@code … AS name}) or, for a plain column, its name.
 */
final class OutputColumns {
    private static final Pattern ALIAS =
            Pattern.compile("(?is).*\\bAS\\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*$");
    private static final Pattern PLAIN = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?");

    private OutputColumns() {}

    static List<String> of(NamedQuery query) {
        String sql = query.body();
        String upper = sql.toUpperCase(Locale.ROOT);
        int start = upper.indexOf("SELECT") + "SELECT".length();
        List<String> items = new ArrayList<>();
        int depth = 0;
        int itemStart = start;
        for (int i = start; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',') {
                items.add(sql.substring(itemStart, i));
                itemStart = i + 1;
            } else if (depth == 0 && upper.startsWith("FROM", i) && boundary(upper, i, 4)) {
                items.add(sql.substring(itemStart, i));
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            String text = item.strip();
            Matcher alias = ALIAS.matcher(text);
            Matcher plain = PLAIN.matcher(text);
            if (alias.matches()) {
                names.add(alias.group(1));
            } else if (plain.matches()) {
                names.add(plain.group(1));
            } else {
                throw new IllegalStateException(
                        query.name() + " returns an expression without a name: " + text);
            }
        }
        return names;
    }

    private static boolean boundary(String sql, int at, int length) {
        boolean before = at == 0 || !Character.isLetterOrDigit(sql.charAt(at - 1));
        int end = at + length;
        boolean after = end >= sql.length() || !Character.isLetterOrDigit(sql.charAt(end));
        return before && after;
    }
}
