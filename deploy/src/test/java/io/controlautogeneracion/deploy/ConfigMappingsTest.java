package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading of {@code @ConfigMapping} sources the drift tests rely on. */
class ConfigMappingsTest {

    @Test
    void nestedMembersWithoutDefaultAreRequiredAndDefaultMethodsAreSkipped() {
        String source =
                """
                /** Settings. */
                @ConfigMapping(prefix = "shop")
                public interface ShopConfig {
                    Store store();

                    @WithDefault("200")
                    int maxPageSize();

                    interface Store {
                        /** e.g. {@code couchbase://127.0.0.1}. */
                        String connectionString();

                        Optional<String> username();

                        @WithDefault("PT2.5S")
                        Duration kvTimeout();

                        default String describe(int x) {
                            return "store";
                        }

                        @WithDefault("http://example.org/a")
                        String homePage(); // a URL in a default
                    }
                }
                """;

        assertThat(ConfigMappings.properties(source))
                .isEqualTo(
                        Map.of(
                                "shop.store.connection-string", true,
                                "shop.store.username", false,
                                "shop.store.kv-timeout", false,
                                "shop.store.home-page", false,
                                "shop.max-page-size", false));
    }

    @Test
    void theCatalogServiceNeedsItsCouchbasePasswordAndUserPasswordsFromTheEnvironment() {
        ServiceConfig catalog = ServiceConfig.of("catalog-service");
        assertThat(catalog.requiredEnvironment())
                .containsKeys(
                        "CATALOG_COUCHBASE_PASSWORD",
                        "CATALOG_ADMIN_PASSWORD",
                        "CATALOG_VIEWER_PASSWORD",
                        "CATALOG_COUCHBASE_CONNECTION_STRING",
                        "QUARKUS_HTTP_HOST");
        assertThat(catalog.readinessPath()).isEqualTo("/q/health/ready");
        assertThat(catalog.livenessPath()).isEqualTo("/q/health/live");
        assertThat(ServiceConfig.of("ingest-service").requiredEnvironment())
                .containsKeys(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "QUARKUS_MONGODB_CONNECTION_STRING",
                        "QUARKUS_HTTP_HOST");
    }
}
