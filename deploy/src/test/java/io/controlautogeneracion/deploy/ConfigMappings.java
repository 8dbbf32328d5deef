package io.controlautogeneracion.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code @ConfigMapping} interface's source and lists its leaf properties, each with
 * whether it must be set (no {@code @WithDefault}, not {@code Optional}). Nested interfaces
 * declared in the same file are followed; default methods are skipped. Enough for this project's
 * mappings, not a Java parser.
 */
final class ConfigMappings {
    private static final Pattern PREFIX =
            Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern MEMBER =
            Pattern.compile(
                    "((?:@\\w+(?:\\s*\\((?:\"[^\"]*\"|[^)\"])*\\))?\\s*)*)"
                            + "([\\w.]+(?:<[\\w.<>, ?]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");

    private ConfigMappings() {}

    /** Property name → required, for the mapping in {@code source}; empty if it has none. */
    static Map<String, Boolean> properties(String source) {
        String code = stripComments(source);
        Matcher prefix = PREFIX.matcher(code);
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (!prefix.find()) {
            return out;
        }
        Map<String, String> bodies = interfaceBodies(code);
        Matcher first = INTERFACE.matcher(code);
        if (first.find(prefix.end())) {
            collect(first.group(1), prefix.group(1), bodies, out);
        }
        return out;
    }

    private static void collect(
            String iface, String prefix, Map<String, String> bodies, Map<String, Boolean> out) {
        Matcher m = MEMBER.matcher(flatten(bodies.get(iface)));
        while (m.find()) {
            String annotations = m.group(1);
            String type = m.group(2);
            String key = prefix + "." + kebab(m.group(3));
            if (bodies.containsKey(type)) {
                collect(type, key, bodies, out);
            } else {
                boolean required =
                        !annotations.contains("@WithDefault") && !type.startsWith("Optional");
                out.put(key, required);
            }
        }
    }

    /** Every interface declared in the file, name → body (without its braces). */
    private static Map<String, String> interfaceBodies(String code) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            int start = m.end();
            int end = closingBrace(code, start - 1);
            bodies.put(m.group(1), code.substring(start, end));
        }
        return bodies;
    }

    /** The body with every nested block replaced by {@code {}}, so only its own members remain. */
    private static String flatten(String body) {
        StringBuilder flat = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    flat.append("{}");
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                flat.append(c);
            }
        }
        return flat.toString();
    }

    private static int closingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after offset " + open);
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(?<!:)//.*$", "");
    }

    /** {@code maxPageSize} → {@code max-page-size}, as SmallRye Config names members. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
