package io.controlautogeneracion.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named query of {@code druid/queries/}: its header (name and documented parameters) and its
 * SQL. The header documents each Druid SQL dynamic parameter ({@code ?}) on a line {@code -- <n>.
 * <name> <TYPE> <description>}.
 */
public record NamedQuery(String name, String header, String body, List<Param> params) {
    private static final Pattern PARAM =
            Pattern.compile(
                    "^--\\s+(\\d+)\\.\\s+(\\w+)\\s+(VARCHAR|TIMESTAMP|BIGINT|DOUBLE)\\s+\\S.*$");

    /** A documented parameter; {@code index} counts from 1. */
    public record Param(int index, String name, String type) {
        /** Whether a Java value is what the Druid client sends as this parameter's type. */
        boolean accepts(Object value) {
            return switch (type) {
                case "VARCHAR" -> value instanceof String;
                case "TIMESTAMP" -> value instanceof Instant;
                case "BIGINT" -> value instanceof Long || value instanceof Integer;
                case "DOUBLE" -> value instanceof Double;
                default -> false;
            };
        }
    }

    /** The query of one {@code .sql} file, named after the file. */
    public static NamedQuery load(Path file) {
        String fileName = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the named query " + file, e);
        }
        List<String> headerLines = new ArrayList<>();
        List<String> bodyLines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (bodyLines.isEmpty() && (line.startsWith("--") || line.isBlank())) {
                headerLines.add(line);
            } else {
                bodyLines.add(line);
            }
        }
        List<Param> params = new ArrayList<>();
        for (String line : headerLines) {
            Matcher m = PARAM.matcher(line);
            if (m.matches()) {
                params.add(new Param(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
            }
        }
        return new NamedQuery(
                fileName.substring(0, fileName.length() - ".sql".length()),
                String.join("\n", headerLines),
                String.join("\n", bodyLines).strip(),
                List.copyOf(params));
    }

    /** The name the header's first line gives ({@code -- <name>}). */
    String declaredName() {
        String first = header.lines().findFirst().orElse("");
        return first.replaceFirst("^--\\s*", "").strip();
    }

    /**
     * The {@code ?} placeholders of the SQL, outside comments, string literals and quoted names.
     */
    int placeholders() {
        int count = 0;
        char quote = 0;
        String sql = body;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /** The SQL with runs of white space made one space, to compare two spellings of it. */
    static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
