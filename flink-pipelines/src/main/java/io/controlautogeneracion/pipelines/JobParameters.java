package io.controlautogeneracion.pipelines;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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
            throw new IllegalArgumentException(
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
            throw new IllegalArgumentException(
                    "missing parameter --"
                            + key
                            + " (or environment variable "
                            + envName(key)
                            + ")");
        }
        return value;
    }

    public int getInt(String key, int defaultValue) {
        return Integer.parseInt(get(key, Integer.toString(defaultValue)));
    }

    public double getDouble(String key, double defaultValue) {
        return Double.parseDouble(get(key, Double.toString(defaultValue)));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return Boolean.parseBoolean(get(key, Boolean.toString(defaultValue)));
    }

    public Duration getDuration(String key, Duration defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : TimeUtils.parseDuration(value);
    }

    public String envName(String key) {
        return envPrefix + "_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
