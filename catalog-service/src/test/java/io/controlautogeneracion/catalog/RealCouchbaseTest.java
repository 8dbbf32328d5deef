package io.controlautogeneracion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.query.QueryOptions;
import com.couchbase.client.java.query.QueryScanConsistency;
import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.testcontainers.couchbase.BucketDefinition;
import org.testcontainers.couchbase.CouchbaseContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The catalog client against a real Couchbase Server (skipped where Docker is absent): the same
 * key-value enrichment as on the stand-in, and the SQL++ query production would use for a listing.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealCouchbaseTest {
    @Container
    static final CouchbaseContainer COUCHBASE =
            new CouchbaseContainer("couchbase/server:7.6.2")
                    .withBucket(new BucketDefinition("catalog").withPrimaryIndex(true));

    @Test
    void shouldEnrichAndQueryOnARealServer() throws Exception {
        CatalogClientSettings settings =
                CatalogClientSettings.of(
                        COUCHBASE.getConnectionString(),
                        COUCHBASE.getUsername(),
                        COUCHBASE.getPassword(),
                        "catalog");
        try (CatalogConnection connection = CatalogConnection.open(settings)) {
            Client client =
                    new Client(
                            "C-1",
                            "Calle Mayor 1",
                            "28013",
                            null,
                            LocalDate.of(2024, 1, 1),
                            null,
                            null,
                            "Ana",
                            "García",
                            null,
                            40.4,
                            -3.7,
                            "Europe/Madrid");
            Instant from = Instant.parse("2025-01-01T00:00:00Z");
            new CatalogSeed(connection.collection())
                    .put(CatalogKeys.client("C-1"), client)
                    .put(
                            CatalogKeys.relations(DeviceKind.PANEL, "P-1"),
                            ClientRelHistory.empty(DeviceKind.PANEL, "P-1")
                                    .with(
                                            ClientRel.of(
                                                    DeviceKind.PANEL, "P-1", "C-1", from, null)));

            CatalogClient catalog = new CatalogClient(connection.collection().async(), settings);
            Enrichment enrichment = catalog.enrich(DeviceKind.PANEL, "P-1", from).join();
            var rows =
                    connection
                            .cluster()
                            .query(
                                    "SELECT RAW c.client_id FROM catalog c WHERE c.postal_code ="
                                            + " $1",
                                    QueryOptions.queryOptions()
                                            .parameters(
                                                    com.couchbase.client.java.json.JsonArray.from(
                                                            "28013"))
                                            .scanConsistency(QueryScanConsistency.REQUEST_PLUS))
                            .rowsAs(String.class);

            assertThat(enrichment.client()).isEqualTo(client);
            assertThat(rows).containsExactly("C-1");
        }
    }
}
