package io.controlautogeneracion.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    @Test
    void shouldTakePlaceholdersAndEmptySecretsForWhatTheyAre() {
        assertThat(SecretsCheck.isPlaceholder("CHANGE_ME")).isTrue();
        assertThat(SecretsCheck.isPlaceholder(" change-me ")).isTrue();
        assertThat(SecretsCheck.isPlaceholder("changeme123")).isTrue();
        assertThat(SecretsCheck.isPlaceholder("")).isTrue();
        assertThat(SecretsCheck.isPlaceholder("password")).isTrue();
        assertThat(SecretsCheck.isPlaceholder("xxxxxxxx")).isTrue();
        assertThat(SecretsCheck.isPlaceholder("admin-local")).isFalse();
        assertThat(SecretsCheck.isPlaceholder("q8V#r2-Lm9xT")).isFalse();
    }

    @Test
    void shouldNameEverySecretThatIsMissingOrAPlaceholder() {
        Map<String, String> values =
                Map.of(
                        "catalog.couchbase.password", "CHANGE_ME",
                        "quarkus.security.users.embedded.users.admin", "s3cret-Admin-9");

        assertThat(SecretsCheck.weak(key -> Optional.ofNullable(values.get(key))))
                .containsExactlyInAnyOrder(
                        "catalog.couchbase.password (CATALOG_COUCHBASE_PASSWORD)",
                        "quarkus.security.users.embedded.users.viewer (CATALOG_VIEWER_PASSWORD)");
    }
}
