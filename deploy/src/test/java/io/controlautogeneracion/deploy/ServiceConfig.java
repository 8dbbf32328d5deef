package io.controlautogeneracion.deploy;

import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Quarkus service's own configuration says about its deployment, in production mode: its
 * HTTP port, its health paths, the environment variables it needs and the ones it understands.
 */
record ServiceConfig(
        String artifactId,
        Path module,
        Map<String, String> properties,
        Map<String, Boolean> mapped) {

    /** The two deployable services. */
    static final Set<String> SERVICES = Set.of("ingest-service", "catalog-service");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern ARTIFACT_ID =
            Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");

    static ServiceConfig of(String artifactId) {
        Path module = ProjectFiles.path(artifactId);
        Matcher pom = ARTIFACT_ID.matcher(ProjectFiles.read(module.resolve("pom.xml")));
        if (!pom.find() || !pom.group(1).equals(artifactId)) {
            throw new IllegalStateException(
                    "module directory " + artifactId + " does not hold artifact " + artifactId);
        }
        String text =
                ProjectFiles.read(module.resolve("src/main/resources/application.properties"));
        return new ServiceConfig(artifactId, module, prodView(text), mappings(module));
    }

    /** The HTTP port in production: {@code quarkus.http.port}, else Quarkus' default 8080. */
    int httpPort() {
        return Integer.parseInt(properties.getOrDefault("quarkus.http.port", "8080"));
    }

    String livenessPath() {
        return healthRoot()
                + "/"
                + properties.getOrDefault("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath() {
        return healthRoot()
                + "/"
                + properties.getOrDefault("quarkus.smallrye-health.readiness-path", "ready");
    }

    private String healthRoot() {
        String root = properties.getOrDefault("quarkus.http.non-application-root-path", "q");
        String health = properties.getOrDefault("quarkus.smallrye-health.root-path", "health");
        return "/" + strip(root) + "/" + strip(health);
    }

    /**
     * Environment variables a container must set: references without a default ({@code
     * ${CATALOG_ADMIN_PASSWORD}}), mapped properties without a default and without a value, and
     * every address that points at the loopback interface (the local stack's), which means nothing
     * in a container. Variable → the reason.
     */
    Map<String, String> requiredEnvironment() {
        Map<String, String> required = new TreeMap<>();
        properties.forEach(
                (key, value) -> {
                    Matcher ref = REFERENCE.matcher(value);
                    while (ref.find()) {
                        String name = ref.group(1);
                        if (ref.group(2) == null && !isKnownKey(name)) {
                            required.put(name, "referenced by " + key + " without a default");
                        }
                    }
                    if (value.contains("127.0.0.1") || value.contains("localhost")) {
                        required.put(envName(key), key + " is a loopback address (" + value + ")");
                    }
                });
        mapped.forEach(
                (key, mandatory) -> {
                    if (mandatory && !properties.containsKey(key)) {
                        required.put(envName(key), key + " has no default and no value");
                    }
                });
        return required;
    }

    /**
     * Whether an environment variable maps to a property this service reads, or a value refers to
     * it ({@code ${LOG_JSON:false}}).
     */
    boolean understands(String env) {
        if (requiredEnvironment().containsKey(env)) {
            return true;
        }
        for (String value : properties.values()) {
            Matcher ref = REFERENCE.matcher(value);
            while (ref.find()) {
                if (ref.group(1).equals(env)) {
                    return true;
                }
            }
        }
        return Stream.concat(properties.keySet().stream(), mapped.keySet().stream())
                .anyMatch(key -> envName(key).equals(env));
    }

    private boolean isKnownKey(String name) {
        return properties.containsKey(name) || mapped.containsKey(name);
    }

    /** MicroProfile Config's environment name of a property: non-alphanumerics → _, upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The properties production sees: no other profile's keys, {@code %prod.} ones win. */
    static Map<String, String> prodView(String text) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            if (!key.startsWith("%")) {
                plain.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            Set<String> profiles = new TreeSet<>(Set.of(key.substring(1, dot).split(",")));
            if (profiles.contains("prod")) {
                prod.put(key.substring(dot + 1), value);
            }
        }
        plain.putAll(prod);
        return plain;
    }

    private static Map<String, Boolean> mappings(Path module) {
        Map<String, Boolean> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .map(ProjectFiles::read)
                    .filter(src -> src.contains("@ConfigMapping"))
                    .forEach(src -> all.putAll(ConfigMappings.properties(src)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
