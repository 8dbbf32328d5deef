package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.reading.WindReading;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed process RichSensorWind: enriches each anemometer reading with its owner at the reading's
 * event time and its element type's alarm thresholds, through the cached asynchronous catalog. No
 * reading is dropped: an unknown device goes on with null columns, and when the catalog keeps
 * failing (bounded retries) or the operator's timeout fires, the reading goes on with null columns,
 * default thresholds and status {@code catalog_unavailable}.
 */
public final class RichSensorWind extends RichAsyncFunction<WindArrival, EnrichedWindReading> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RichSensorWind.class);

    private final WindCatalog.Factory catalogFactory;
    private final WindThresholds defaults;
    private final CatalogRetry retry;

    private transient WindCatalog catalog;
    private transient Counter unknownDevices;
    private transient Counter withoutOwner;
    private transient Counter catalogUnavailable;
    private transient volatile long failFastUntilNanos;

    public RichSensorWind(
            WindCatalog.Factory catalogFactory, WindThresholds defaults, CatalogRetry retry) {
        this.catalogFactory = catalogFactory;
        this.defaults = defaults;
        this.retry = retry;
    }

    @Override
    public void open(OpenContext openContext) {
        catalog = catalogFactory.open();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        // Completed on the catalog's threads, hence thread-safe counters.
        unknownDevices = metrics.counter("unknownDevices", new ThreadSafeSimpleCounter());
        withoutOwner = metrics.counter("readingsWithoutOwner", new ThreadSafeSimpleCounter());
        catalogUnavailable = metrics.counter("catalogUnavailable", new ThreadSafeSimpleCounter());
        failFastUntilNanos = System.nanoTime();
    }

    @Override
    public void asyncInvoke(WindArrival reading, ResultFuture<EnrichedWindReading> result) {
        boolean failFast = System.nanoTime() - failFastUntilNanos < 0;
        lookup(reading, 1, failFast ? 1 : retry.attempts(), result);
    }

    private void lookup(
            WindArrival arrival,
            int attempt,
            int attempts,
            ResultFuture<EnrichedWindReading> result) {
        WindReading reading = arrival.reading();
        CompletableFuture<io.controlautogeneracion.model.catalog.Enrichment> lookup;
        try {
            lookup = catalog.enrich(reading.windId(), reading.timestamp());
        } catch (RuntimeException e) {
            lookup = CompletableFuture.failedFuture(e);
        }
        lookup.whenComplete(
                (enrichment, error) -> {
                    if (error == null) {
                        result.complete(List.of(enriched(arrival, enrichment)));
                    } else if (attempt < attempts) {
                        long delay = retry.backoff().toMillis() * attempt;
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                                .execute(() -> lookup(arrival, attempt + 1, attempts, result));
                    } else {
                        if (System.nanoTime() - failFastUntilNanos >= 0) {
                            LOG.warn(
                                    "catalog lookup of anemometer {} failed {} time(s), readings"
                                            + " go on flagged catalog_unavailable: {}",
                                    reading.windId(),
                                    attempt,
                                    error.toString());
                        }
                        failFastUntilNanos = System.nanoTime() + retry.failFastFor().toNanos();
                        result.complete(List.of(unavailable(arrival)));
                    }
                });
    }

    @Override
    public void timeout(WindArrival arrival, ResultFuture<EnrichedWindReading> result) {
        // Whatever the lookup still does, the reading must not hold the stream back any longer.
        if (System.nanoTime() - failFastUntilNanos >= 0) {
            LOG.warn(
                    "catalog lookup of anemometer {} timed out, readings go on flagged"
                            + " catalog_unavailable",
                    arrival.reading().windId());
        }
        failFastUntilNanos = System.nanoTime() + retry.failFastFor().toNanos();
        result.complete(List.of(unavailable(arrival)));
    }

    EnrichedWindReading enriched(
            WindArrival arrival, io.controlautogeneracion.model.catalog.Enrichment enrichment) {
        EnrichmentStatus status = CatalogColumns.status(enrichment);
        if (status == EnrichmentStatus.UNKNOWN_DEVICE) {
            unknownDevices.inc();
        } else if (status == EnrichmentStatus.NO_OWNER) {
            withoutOwner.inc();
        }
        WindThresholds thresholds = defaults.forElement(enrichment.element());
        return of(arrival, CatalogColumns.of(enrichment), status, thresholds);
    }

    private EnrichedWindReading unavailable(WindArrival arrival) {
        catalogUnavailable.inc();
        return of(arrival, CatalogColumns.NONE, EnrichmentStatus.CATALOG_UNAVAILABLE, defaults);
    }

    private static EnrichedWindReading of(
            WindArrival a, CatalogColumns columns, EnrichmentStatus status, WindThresholds t) {
        WindReading r = a.reading();
        return new EnrichedWindReading(
                r.windId(),
                a.eventTime(),
                a.boundedTime(),
                r.windSpeed(),
                r.windDirection(),
                r.gust(),
                columns,
                status,
                t.warningSpeed(),
                t.stormSpeed());
    }

    @VisibleForTesting
    long unknownDevices() {
        return unknownDevices.getCount();
    }

    @VisibleForTesting
    long catalogUnavailable() {
        return catalogUnavailable.getCount();
    }

    @Override
    public void close() throws Exception {
        if (catalog != null) {
            catalog.close();
        }
    }
}
