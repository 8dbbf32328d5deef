package io.controlautogeneracion.catalog.client;

import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code catalog-service/client/bench/enrichment.sh}): enrichment
 * lookups per second through the client library against the in-process stand-in, with a cold cache
 * (every device seen for the first time: four key-value reads each) and a warm one. Prints figures,
 * asserts nothing.
 */
class EnrichmentBenchmark {
    private static final System.Logger LOG = System.getLogger("benchmark");
    private static final int DEVICES = 2_000;
    private static final int WARM_LOOKUPS = 500_000;
    private static final int IN_FLIGHT = 64;
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void enrichmentLookupsPerSecond() throws Exception {
        try (CouchbaseStandIn standIn = CouchbaseStandIn.start("catalog", "bench");
                CatalogConnection connection =
                        CatalogConnection.open(CatalogSeed.settings(standIn))) {
            seed(new CatalogSeed(connection.collection()));
            for (int round = 1; round <= 2; round++) {
                CatalogClient cold =
                        new CatalogClient(
                                connection.collection().async(), CatalogSeed.settings(standIn));
                report("cold cache (round " + round + ")", DEVICES, run(cold, DEVICES));
                report("warm cache (round " + round + ")", WARM_LOOKUPS, run(cold, WARM_LOOKUPS));
            }
        }
    }

    private static long run(CatalogClient catalog, int lookups) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            slots.acquire();
            CompletableFuture<?> f = catalog.enrich(DeviceKind.PANEL, panelId(i % DEVICES), AT);
            f.whenComplete((r, e) -> slots.release());
        }
        slots.acquire(IN_FLIGHT);
        return System.nanoTime() - start;
    }

    private static void report(String label, int lookups, long nanos) {
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        Locale.ROOT,
                        "enrichment %-24s %,9d lookups in %6.2f s = %,10.0f lookups/s",
                        label,
                        lookups,
                        nanos / 1e9,
                        lookups / (nanos / 1e9)));
    }

    private static String panelId(int i) {
        return String.format(Locale.ROOT, "P-%05d", i);
    }

    private static void seed(CatalogSeed seed) {
        seed.put(
                CatalogKeys.element(DeviceKind.PANEL, "SUN-400"),
                new Element(
                        DeviceKind.PANEL,
                        "SUN-400",
                        "Solaria",
                        400.0,
                        0.2,
                        1.9,
                        null,
                        25,
                        null,
                        null));
        for (int i = 0; i < DEVICES; i++) {
            String clientId = String.format(Locale.ROOT, "C-%05d", i);
            String panelId = panelId(i);
            seed.put(
                    CatalogKeys.client(clientId),
                    new Client(
                            clientId,
                            "Calle Mayor " + i,
                            "28013",
                            null,
                            LocalDate.of(2024, 1, 1),
                            null,
                            "residential",
                            "Ana",
                            "García",
                            "López",
                            40.4,
                            -3.7,
                            "Europe/Madrid"));
            seed.put(
                    CatalogKeys.device(DeviceKind.PANEL, panelId),
                    new Panel(
                            panelId,
                            "SUN-400",
                            null,
                            LocalDate.of(2024, 2, 1),
                            400.0,
                            null,
                            null,
                            25,
                            null,
                            null,
                            30.0,
                            180.0));
            seed.put(
                    CatalogKeys.relations(DeviceKind.PANEL, panelId),
                    ClientRelHistory.empty(DeviceKind.PANEL, panelId)
                            .with(
                                    ClientRel.of(
                                            DeviceKind.PANEL,
                                            panelId,
                                            clientId,
                                            Instant.parse("2024-02-01T00:00:00Z"),
                                            null)));
        }
    }
}
