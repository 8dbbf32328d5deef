package io.controlautogeneracion.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one configuration of the local stack: ports, data directory, heap sizes and timeouts. Values
 * come from the bundled defaults, then {@code <project>/local-stack.properties}, then {@code
 * STACK_*} environment variables, then {@code -Dstack.*} system properties.
 */
public final class StackConfig {
    private static final String DEFAULTS = "/local-stack-defaults.properties";
    private static final String PROJECT_FILE = "local-stack.properties";

    private final Path projectDir;
    private final Map<String, String> values;

    private StackConfig(Path projectDir, Map<String, String> values) {
        this.projectDir = projectDir;
        this.values = Map.copyOf(values);
    }

    /** Loads the configuration for the project found from the working directory. */
    public static StackConfig load() {
        return load(ProjectLayout.findProjectDir(), System.getenv(), System.getProperties());
    }

    static StackConfig load(Path projectDir, Map<String, String> env, Properties system) {
        Map<String, String> values = new HashMap<>(read(defaults()));
        Path file = projectDir.resolve(PROJECT_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                Properties p = new Properties();
                p.load(reader);
                values.putAll(read(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        for (String key : Map.copyOf(values).keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
            String fromSystem = system.getProperty("stack." + key);
            if (fromSystem != null) {
                values.put(key, fromSystem);
            }
        }
        return new StackConfig(projectDir, values);
    }

    /** A copy with some keys replaced, as the JUnit extension does to pick free ports. */
    public StackConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new HashMap<>(values);
        overrides.forEach(
                (key, value) -> {
                    if (!copy.containsKey(key)) {
                        throw new IllegalArgumentException("unknown local stack setting: " + key);
                    }
                    copy.put(key, value);
                });
        return new StackConfig(projectDir, copy);
    }

    static String envName(String key) {
        return "STACK_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public Path projectDir() {
        return projectDir;
    }

    public String host() {
        return get("host");
    }

    public Path dataDir() {
        return projectDir.resolve(get("data.dir")).normalize();
    }

    public int port(String part) {
        return Integer.parseInt(get(part + ".port"));
    }

    public String heap(String part) {
        return get(part + ".heap");
    }

    public Duration startTimeout() {
        return Duration.ofSeconds(Long.parseLong(get("start.timeout")));
    }

    public Duration stopTimeout() {
        return Duration.ofSeconds(Long.parseLong(get("stop.timeout")));
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("local stack setting '" + key + "' is not set");
        }
        return value.trim();
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static Properties defaults() {
        try (InputStream in = StackConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> read(Properties p) {
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(name -> map.put(name, p.getProperty(name)));
        return map;
    }
}
