package io.controlautogeneracion.catalog.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start with a secret left empty or at a placeholder ({@code CHANGE_ME} of the
 * deployment examples and the like): a service that answers with a password everybody can read in
 * the repository is worse than one that does not start.
 */
@ApplicationScoped
public class SecretsCheck {
    /** Each secret's setting, and the environment variable that sets it. */
    static final Map<String, String> SECRETS =
            Map.of(
                    "catalog.couchbase.password", "CATALOG_COUCHBASE_PASSWORD",
                    "quarkus.security.users.embedded.users.admin", "CATALOG_ADMIN_PASSWORD",
                    "quarkus.security.users.embedded.users.viewer", "CATALOG_VIEWER_PASSWORD");

    private static final Set<String> PLACEHOLDERS =
            Set.of("changeme", "password", "secret", "admin", "viewer", "catalog", "todo", "xxx");

    void onStart(@Observes StartupEvent event, Config config) {
        List<String> weak = weak(key -> config.getOptionalValue(key, String.class));
        if (!weak.isEmpty()) {
            throw new IllegalStateException(
                    "refusing to start: "
                            + String.join(", ", weak)
                            + " must be set to a real secret (not empty, not a placeholder such as"
                            + " CHANGE_ME)");
        }
    }

    /** The secrets among {@link #SECRETS} that are missing, empty or a placeholder. */
    static List<String> weak(java.util.function.Function<String, Optional<String>> value) {
        List<String> weak = new ArrayList<>();
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            if (isPlaceholder(value.apply(secret.getKey()).orElse(""))) {
                weak.add(secret.getKey() + " (" + secret.getValue() + ")");
            }
        }
        return weak;
    }

    static boolean isPlaceholder(String secret) {
        String s = secret.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return s.isEmpty()
                || PLACEHOLDERS.contains(s)
                || s.startsWith("changeme")
                || s.startsWith("yourpassword")
                || s.chars().distinct().count() == 1;
    }
}
