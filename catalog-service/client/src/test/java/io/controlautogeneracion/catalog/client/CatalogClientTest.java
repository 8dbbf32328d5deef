package io.controlautogeneracion.catalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogClientTest {
    private static final Instant MOVE = Instant.parse("2026-06-01T10:00:00Z");

    private static CouchbaseStandIn standIn;
    private static CatalogClientSettings settings;
    private static CatalogConnection connection;

    @BeforeAll
    static void start() {
        standIn = CouchbaseStandIn.start("catalog", "catalog-pw");
        settings = CatalogSeed.settings(standIn);
        connection = CatalogConnection.open(settings);
        new CatalogSeed(connection.collection())
                .put(CatalogKeys.client("C-A"), client("C-A", "28013", "Europe/Madrid"))
                .put(CatalogKeys.client("C-B"), client("C-B", "35001", "Atlantic/Canary"))
                .put(
                        CatalogKeys.element(DeviceKind.WIND, "ANEMO-2"),
                        new Element(
                                DeviceKind.WIND,
                                "ANEMO-2",
                                "Aire",
                                null,
                                null,
                                null,
                                null,
                                10,
                                null,
                                null))
                .put(
                        CatalogKeys.device(DeviceKind.WIND, "W-1"),
                        new SensorWind(
                                "W-1",
                                "ANEMO-2",
                                null,
                                LocalDate.of(2025, 1, 2),
                                null,
                                null,
                                10,
                                null))
                .put(
                        CatalogKeys.relations(DeviceKind.WIND, "W-1"),
                        ClientRelHistory.empty(DeviceKind.WIND, "W-1")
                                .with(
                                        ClientRel.of(
                                                DeviceKind.WIND,
                                                "W-1",
                                                "C-A",
                                                Instant.parse("2025-01-02T00:00:00Z"),
                                                MOVE))
                                .with(ClientRel.of(DeviceKind.WIND, "W-1", "C-B", MOVE, null)));
    }

    @AfterAll
    static void stop() {
        connection.close();
        standIn.close();
    }

    private CatalogClient newClient() {
        return new CatalogClient(connection.collection().async(), settings);
    }

    @Test
    void shouldAttributeReadingsToTheOwnerOnEachSideOfAMove() {
        CatalogClient catalog = newClient();

        Enrichment before = catalog.enrich(DeviceKind.WIND, "W-1", MOVE.minusSeconds(1)).join();
        Enrichment after = catalog.enrich(DeviceKind.WIND, "W-1", MOVE).join();

        assertThat(before.client().clientId()).isEqualTo("C-A");
        assertThat(before.client().timezone()).isEqualTo("Europe/Madrid");
        assertThat(after.client().clientId()).isEqualTo("C-B");
        assertThat(after.clientRel().validFrom()).isEqualTo(MOVE);
        assertThat(after.device().model()).isEqualTo("ANEMO-2");
        assertThat(after.element().manufacturer()).isEqualTo("Aire");
        assertThat(after.attributed()).isTrue();
    }

    @Test
    void shouldGiveAnEmptyEnrichmentForAnUnknownDevice() {
        Enrichment unknown = newClient().enrich(DeviceKind.PANEL, "P-404", MOVE).join();

        assertThat(unknown).isEqualTo(Enrichment.unknown(DeviceKind.PANEL, "P-404", MOVE));
    }

    @Test
    void shouldKeepTheDeviceButNoOwnerBeforeItsFirstRelation() {
        Enrichment early =
                newClient()
                        .enrich(DeviceKind.WIND, "W-1", Instant.parse("2024-01-01T00:00:00Z"))
                        .join();

        assertThat(early.device()).isNotNull();
        assertThat(early.clientRel()).isNull();
        assertThat(early.client()).isNull();
        assertThat(early.attributed()).isFalse();
    }

    @Test
    void shouldServeASteadyDeviceFromTheCache() {
        CatalogClient catalog = newClient();

        catalog.enrich(DeviceKind.WIND, "W-1", MOVE).join();
        long missesAfterFirst = catalog.cacheStats().missCount();
        for (int i = 0; i < 100; i++) {
            catalog.enrich(DeviceKind.WIND, "W-1", MOVE.plusSeconds(i)).join();
        }

        assertThat(missesAfterFirst).isEqualTo(4);
        assertThat(catalog.cacheStats().missCount()).isEqualTo(4);
        assertThat(catalog.cacheStats().hitCount()).isEqualTo(400);
    }

    @Test
    void shouldSeeANewDocumentOnceInvalidatedOrExpired() {
        CatalogClient catalog =
                new CatalogClient(
                        connection.collection().async(),
                        settings.withCache(100, Duration.ofMinutes(5), Duration.ofMinutes(5)));
        assertThat(catalog.client("C-NEW").join()).isEmpty();

        new CatalogSeed(connection.collection())
                .put(CatalogKeys.client("C-NEW"), client("C-NEW", "08001", null));

        assertThat(catalog.client("C-NEW").join()).isEmpty();
        catalog.invalidate(CatalogKeys.client("C-NEW"));
        assertThat(catalog.client("C-NEW").join())
                .get()
                .extracting(Client::postalCode)
                .isEqualTo("08001");
    }

    @Test
    void shouldFailTheFutureWhenTheStoreCannotBeRead() {
        CatalogConnection closed = CatalogConnection.open(settings);
        CatalogClient catalog = new CatalogClient(closed.collection().async(), settings);
        closed.close();

        assertThatThrownBy(() -> catalog.enrich(DeviceKind.PANEL, "P-1", MOVE).join())
                .isInstanceOf(CompletionException.class);
        long reads = catalog.cacheStats().loadCount();
        assertThat(reads).isPositive();

        // a failed read is not kept: the next lookup asks the store again, and fails again
        assertThatThrownBy(() -> catalog.device(DeviceKind.PANEL, "P-1").join())
                .isInstanceOf(CompletionException.class);
        assertThat(catalog.cacheStats().loadCount()).isGreaterThan(reads);
    }

    @Test
    void clientsOfOneClusterShareOneConnectionAndTheLastToCloseDisconnects() throws Exception {
        int before = SharedConnections.open();
        CatalogClient first = CatalogClient.connect(settings);
        CatalogClient second = CatalogClient.connectInBackground(settings);
        CatalogClientSettings shorter =
                new CatalogClientSettings(
                        settings.connectionString(),
                        settings.username(),
                        settings.password(),
                        settings.bucket(),
                        settings.cacheSize(),
                        settings.cacheTtl(),
                        settings.missingTtl(),
                        settings.kvTimeout().dividedBy(2));
        CatalogClient other = CatalogClient.connect(shorter);
        assertThat(SharedConnections.open()).isEqualTo(before + 2);

        first.close();
        first.close(); // a second close gives nothing back twice
        assertThat(SharedConnections.open()).isEqualTo(before + 2);
        assertThat(second.awaitReady(Duration.ofSeconds(10))).isTrue();
        assertThat(second.enrich(DeviceKind.WIND, "W-1", MOVE).join().client().clientId())
                .isEqualTo("C-B");

        second.close();
        assertThat(SharedConnections.open()).isEqualTo(before + 1);
        assertThat(other.enrich(DeviceKind.WIND, "W-1", MOVE).join().client().clientId())
                .isEqualTo("C-B");
        other.close();
        assertThat(SharedConnections.open()).isEqualTo(before);

        // Once all have closed, the next client opens a connection of its own again.
        CatalogClient again = CatalogClient.connect(settings);
        assertThat(again.enrich(DeviceKind.WIND, "W-1", MOVE).join().client().clientId())
                .isEqualTo("C-B");
        assertThat(SharedConnections.open()).isEqualTo(before + 1);
        again.close();
        assertThat(SharedConnections.open()).isEqualTo(before);
    }

    private static Client client(String id, String postalCode, String zone) {
        return new Client(
                id,
                "Calle " + id,
                postalCode,
                "sig-" + id,
                LocalDate.of(2024, 1, 1),
                null,
                "residential",
                "Nombre",
                "Apellido",
                "Otro",
                40.0,
                -3.7,
                zone);
    }

    @Test
    void shouldReadTheWholeHistoryOfADeviceWithTheClientsOfEveryPeriod() throws Exception {
        try (CatalogClient catalog = newClient()) {
            DeviceHistory history = catalog.history(DeviceKind.WIND, "W-1").get();
            assertThat(history.known()).isTrue();
            assertThat(history.clients()).containsOnlyKeys("C-A", "C-B");
            assertThat(history.element().model()).isEqualTo("ANEMO-2");
            assertThat(history.at(MOVE.minusMillis(1)).client().clientId()).isEqualTo("C-A");
            assertThat(history.at(MOVE).client().clientId()).isEqualTo("C-B");
            assertThat(history.at(MOVE))
                    .isEqualTo(catalog.enrich(DeviceKind.WIND, "W-1", MOVE).get());
            assertThat(catalog.history(DeviceKind.WIND, "W-NONE").get().known()).isFalse();
        }
    }
}
