package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.WindReading;
import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.stack.FreePorts;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

/** RichSensorWind against an in-memory catalog that can also fail. */
class RichSensorWindTest {
    private static final Instant MOVE = Instant.parse("2026-11-28T12:00:00Z");
    private static final WindThresholds DEFAULTS = new WindThresholds(15, 25);
    private static final CatalogRetry RETRY =
            new CatalogRetry(3, Duration.ofMillis(1), Duration.ofSeconds(10));

    /** W-1 belongs to C-A before {@link #MOVE} and to C-B from then on; its type says 12/20. */
    private static Enrichment catalog(String windId, Instant at) {
        if (!windId.equals("W-1")) {
            return Enrichment.unknown(DeviceKind.WIND, windId, at);
        }
        String owner = at.isBefore(MOVE) ? "C-A" : "C-B";
        return new Enrichment(
                DeviceKind.WIND,
                windId,
                at,
                ClientRel.of(DeviceKind.WIND, windId, owner, MOVE.minusSeconds(3600), null),
                new Client(
                        owner,
                        "Calle " + owner,
                        "28013",
                        null,
                        null,
                        null,
                        null,
                        "N",
                        "A1",
                        "A2",
                        null,
                        null,
                        null),
                new SensorWind(
                        windId, "ANEMO-2", LocalDate.of(2025, 1, 2), null, null, null, null, null),
                new Element(
                        DeviceKind.WIND,
                        "ANEMO-2",
                        "Aire",
                        null,
                        null,
                        null,
                        null,
                        null,
                        new AlarmThresholds(null, null, 12.0, 20.0),
                        null));
    }

    private static RichSensorWind open(WindCatalog.Factory factory, CatalogRetry retry) {
        RichSensorWind fn = new RichSensorWind(factory, DEFAULTS, retry);
        fn.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        fn.open(DefaultOpenContext.INSTANCE);
        return fn;
    }

    private static EnrichedWindReading enrich(RichSensorWind fn, String windId, Instant at)
            throws Exception {
        Result result = new Result();
        fn.asyncInvoke(
                new WindArrival(
                        new WindReading(windId, at, 10.0, 180.0, 12.0), at.toEpochMilli() + 20),
                result);
        return result.future.get(5, TimeUnit.SECONDS).iterator().next();
    }

    @Test
    void shouldAttributeEachReadingToTheOwnerAtItsEventTime() throws Exception {
        RichSensorWind fn = open(() -> fake(RichSensorWindTest::catalog), RETRY);

        EnrichedWindReading before = enrich(fn, "W-1", MOVE.minusMillis(1));
        EnrichedWindReading after = enrich(fn, "W-1", MOVE);

        assertThat(before.enrichment().clientId()).isEqualTo("C-A");
        assertThat(after.enrichment().clientId()).isEqualTo("C-B");
        assertThat(after.enrichment().model()).isEqualTo("ANEMO-2");
        assertThat(after.enrichment().manufactureDate()).isEqualTo("2025-01-02");
        assertThat(after.status()).isEqualTo(EnrichmentStatus.OK);
        assertThat(after.warningSpeed()).isEqualTo(12.0);
        assertThat(after.stormSpeed()).isEqualTo(20.0);
        assertThat(after.timestamp()).isEqualTo(MOVE.toEpochMilli());
        assertThat(after.boundedTime()).isEqualTo(MOVE.toEpochMilli());
    }

    @Test
    void shouldPassAnUnknownDeviceOnWithNullColumnsAndCountIt() throws Exception {
        RichSensorWind fn = open(() -> fake(RichSensorWindTest::catalog), RETRY);

        EnrichedWindReading unknown = enrich(fn, "W-404", MOVE);

        assertThat(unknown.enrichment()).isEqualTo(CatalogColumns.NONE);
        assertThat(unknown.status()).isEqualTo(EnrichmentStatus.UNKNOWN_DEVICE);
        assertThat(unknown.warningSpeed()).isEqualTo(15.0);
        assertThat(fn.unknownDevices()).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailingCatalogAndUseItsAnswerWhenItRecovers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RichSensorWind fn =
                open(
                        () ->
                                fake(
                                        (id, at) -> {
                                            if (calls.incrementAndGet() < 3) {
                                                throw new IllegalStateException("timeout");
                                            }
                                            return catalog(id, at);
                                        }),
                        RETRY);

        assertThat(enrich(fn, "W-1", MOVE).status()).isEqualTo(EnrichmentStatus.OK);
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldFlagTheReadingAfterTheLastRetryAndThenFailFast() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RichSensorWind fn =
                open(
                        () ->
                                fake(
                                        (id, at) -> {
                                            calls.incrementAndGet();
                                            throw new IllegalStateException("Couchbase is down");
                                        }),
                        RETRY);

        EnrichedWindReading first = enrich(fn, "W-1", MOVE);
        EnrichedWindReading second = enrich(fn, "W-1", MOVE);

        assertThat(first.status()).isEqualTo(EnrichmentStatus.CATALOG_UNAVAILABLE);
        assertThat(first.enrichment().clientId()).isNull();
        assertThat(first.warningSpeed()).isEqualTo(15.0);
        assertThat(second.status()).isEqualTo(EnrichmentStatus.CATALOG_UNAVAILABLE);
        assertThat(calls).hasValue(3 + 1);
        assertThat(fn.catalogUnavailable()).isEqualTo(2);
    }

    @Test
    void shouldFlagTheReadingWhenTheOperatorTimesOut() throws Exception {
        RichSensorWind fn = open(() -> (id, at) -> new CompletableFuture<>(), RETRY);
        Result result = new Result();

        fn.timeout(new WindArrival(new WindReading("W-1", MOVE, 10.0, null, null), -1), result);

        assertThat(result.future.get().iterator().next().status())
                .isEqualTo(EnrichmentStatus.CATALOG_UNAVAILABLE);
    }

    @Test
    void shouldStartAtOnceAndFlagReadingsWhileCouchbaseCannotBeReached() throws Exception {
        // Both ports named, nothing listening on them: no fallback to another local Couchbase.
        WindCatalog.Factory couchbase =
                new CouchbaseWindCatalog.Factory(
                        catalogAt(
                                FreePorts.onLoopback(),
                                FreePorts.onLoopback(),
                                Duration.ofMillis(200)),
                        Duration.ofSeconds(1));

        // Opening waits at most the second given for the bucket, then goes on without it.
        RichSensorWind fn =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> open(couchbase, new CatalogRetry(1, Duration.ZERO, Duration.ZERO)));
        try {
            EnrichedWindReading reading = enrich(fn, "W-1", MOVE);

            assertThat(reading.status()).isEqualTo(EnrichmentStatus.CATALOG_UNAVAILABLE);
            assertThat(reading.windSpeed()).isEqualTo(10.0);
        } finally {
            fn.close();
        }
    }

    @Test
    void shouldWaitForACatalogComingUpAndEnrichTheFirstReadingWithIt() throws Exception {
        // The catalog is not there yet when the job opens: as at a start of the whole stack,
        // where it was still opening its bucket when the first readings came.
        int managerPort = FreePorts.onLoopback();
        int kvPort = FreePorts.onLoopback();
        CatalogClientSettings settings = catalogAt(kvPort, managerPort, Duration.ofSeconds(1));
        WindCatalog.Factory catalog =
                new CouchbaseWindCatalog.Factory(settings, Duration.ofSeconds(60));
        // The SDK loaded first, so that a job that did not wait would have opened well within the
        // second below.
        new CouchbaseWindCatalog.Factory(settings, Duration.ZERO).open().close();
        CompletableFuture<RichSensorWind> opening =
                CompletableFuture.supplyAsync(
                        () -> open(catalog, new CatalogRetry(1, Duration.ZERO, Duration.ZERO)));

        // It waits for the catalog instead of going on without it.
        await("the job waiting for its catalog")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !opening.isDone());
        try (CouchbaseStandIn couchbase =
                CouchbaseStandIn.start("127.0.0.1", managerPort, kvPort, "catalog", "catalog-pw")) {
            try (CatalogConnection seed = CatalogConnection.open(settings)) {
                new CatalogFixtures(seed.collection())
                        .element("ANEMO-2", 12, 20)
                        .client("C-A", "Ana", "28013")
                        .anemometer(
                                "W-1",
                                "ANEMO-2",
                                new String[] {"C-A"},
                                new Instant[] {MOVE.minusSeconds(3600)});
            }
            RichSensorWind fn = opening.get(60, TimeUnit.SECONDS);
            try {
                EnrichedWindReading first = enrich(fn, "W-1", MOVE);

                assertThat(first.status()).isEqualTo(EnrichmentStatus.OK);
                assertThat(first.enrichment().clientId()).isEqualTo("C-A");
                assertThat(first.stormSpeed()).isEqualTo(20.0);
            } finally {
                fn.close();
            }
        }
    }

    /** The catalog {@code catalog} on this machine's ports, a small cache, reads of {@code kv}. */
    private static CatalogClientSettings catalogAt(int kvPort, int managerPort, Duration kv) {
        return new CatalogClientSettings(
                "couchbase://127.0.0.1:" + kvPort + "=kv,127.0.0.1:" + managerPort + "=manager",
                "catalog",
                "catalog-pw",
                "catalog",
                100,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                kv);
    }

    /** A catalog answering synchronously from {@code answer}; a thrown exception fails it. */
    private static WindCatalog fake(Answer answer) {
        return (id, at) -> {
            try {
                return CompletableFuture.completedFuture(answer.apply(id, at));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    private interface Answer {
        Enrichment apply(String windId, Instant at);
    }

    private static final class Result implements ResultFuture<EnrichedWindReading> {
        final CompletableFuture<Collection<EnrichedWindReading>> future = new CompletableFuture<>();

        @Override
        public void complete(Collection<EnrichedWindReading> result) {
            future.complete(List.copyOf(result));
        }

        @Override
        public void completeExceptionally(Throwable error) {
            future.completeExceptionally(error);
        }

        @Override
        public void complete(CollectionSupplier<EnrichedWindReading> supplier) {
            try {
                complete(supplier.get());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }
    }
}
