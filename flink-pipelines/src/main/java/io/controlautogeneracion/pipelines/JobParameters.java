package io.controlautogeneracion.pipelines;

import io.controlautogeneracion.model.time.IsoTime;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * A job's parameters: {@code --key value} arguments first, then environment variables named {@code
 * <PREFIX>_KEY} (dots and dashes become underscores, upper case), then the default. Durations take
 * Flink's forms ({@code 500 ms}, {@code 2 s}, {@code 1 min}).
 */
public final class JobParameters {
    // What ParameterTool stores for a key given without a value.
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private final ParameterTool args;
    private final Map<String, String> env;
    private final String envPrefix;

    public JobParameters(String[] args, Map<String, String> env, String envPrefix) {
        this.args = ParameterTool.fromArgs(args);
        this.env = env;
        this.envPrefix = envPrefix;
    }

    public String get(String key, String defaultValue) {
        String value = args.get(key);
        if (NO_VALUE.equals(value)) {
            throw new BadParameter(
                    "--"
                            + key
                            + " has no value (a value that starts with '-' cannot follow it on the"
                            + " command line: set the environment variable "
                            + envName(key)
                            + ")");
        }
        if (value == null) {
            value = env.get(envName(key));
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public String required(String key) {
        String value = get(key, null);
        if (value == null) {
            throw new BadParameter(
                    "missing parameter --"
                            + key
                            + " (or environment variable "
                            + envName(key)
                            + ")");
        }
        return value;
    }

    public int getInt(String key, int defaultValue) {
        return parsed(
                key, get(key, Integer.toString(defaultValue)), Integer::parseInt, "a whole number");
    }

    public double getDouble(String key, double defaultValue) {
        return parsed(
                key, get(key, Double.toString(defaultValue)), Double::parseDouble, "a number");
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return Boolean.parseBoolean(get(key, Boolean.toString(defaultValue)));
    }

    public Duration getDuration(String key, Duration defaultValue) {
        String value = get(key, null);
        return value == null
                ? defaultValue
                : parsed(key, value, TimeUtils::parseDuration, "a duration (500 ms, 2 s, 1 min)");
    }

    /**
     * Every parameter under {@code prefix} (for example {@code kafka.properties.}), named without
     * it: {@code --kafka.properties.security.protocol SASL_SSL} gives {@code security.protocol}.
     * Environment variables count too, {@code <PREFIX>_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} giving
     * {@code sasl.jaas.config} (underscores become dots, lower case: Kafka's setting names have no
     * other characters); an argument wins over a variable.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> values = new TreeMap<>();
        String envStart = envName(prefix);
        env.forEach(
                (name, value) -> {
                    if (name.startsWith(envStart)
                            && name.length() > envStart.length()
                            && value != null
                            && !value.isBlank()) {
                        String key =
                                name.substring(envStart.length())
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '.');
                        values.put(key, value.trim());
                    }
                });
        for (String name : args.toMap().keySet()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                values.put(name.substring(prefix.length()), get(name, ""));
            }
        }
        return values;
    }

    /** An instant ({@code 2026-06-01T10:00:00Z}), null when not given. */
    public Instant getInstant(String key) {
        String value = get(key, null);
        return value == null
                ? null
                : parsed(key, value, IsoTime::parse, "an instant (2026-06-01T10:00:00Z)");
    }

    private static <T> T parsed(String key, String value, Function<String, T> parse, String what) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadParameter("--" + key + " must be " + what + ", not '" + value + "'");
        }
    }

    public String envName(String key) {
        return envPrefix + "_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * A parameter missing or not of its kind: the caller's mistake, which a command-line tool
     * reports in one line, without a stack trace.
     */
    public static final class BadParameter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public BadParameter(String message) {
            super(message);
        }

        /** Ends a command-line tool: the message on standard error, exit code 2. */
        public void exit(String tool) {
            System.err.println(tool + ": " + getMessage());
            System.exit(2);
        }
    }
}
