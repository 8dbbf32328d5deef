package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous catalog enrichment of one device-hour with the relation valid at the hour's start.
 * An unknown device keeps {@link CatalogFacts#UNKNOWN} and is counted; so is a failed lookup, which
 * is logged with the device id: a report row with null enrichment is better than no row.
 */
public abstract class CatalogEnrichment<T> extends RichAsyncFunction<T, T> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogEnrichment.class);

    private final BatchCatalog.Factory catalogFactory;
    private final DeviceKind kind;
    private transient BatchCatalog catalog;
    private transient Counter unknown;
    private transient Counter failed;

    protected CatalogEnrichment(BatchCatalog.Factory catalogFactory, DeviceKind kind) {
        this.catalogFactory = catalogFactory;
        this.kind = kind;
    }

    protected abstract String deviceId(T hour);

    protected abstract Instant slot(T hour);

    protected abstract T withFacts(T hour, CatalogFacts facts);

    @Override
    public void open(OpenContext context) {
        catalog = catalogFactory.open();
        unknown = getRuntimeContext().getMetricGroup().counter("unknownDevices");
        failed = getRuntimeContext().getMetricGroup().counter("catalogFailures");
    }

    @Override
    public void asyncInvoke(T hour, ResultFuture<T> result) {
        catalog.enrich(kind, deviceId(hour), slot(hour))
                .whenComplete(
                        (enrichment, error) -> {
                            CatalogFacts facts;
                            if (error != null) {
                                failed.inc();
                                LOG.warn(
                                        "catalog lookup of {} {} failed: {}",
                                        kind,
                                        deviceId(hour),
                                        error.toString());
                                facts = CatalogFacts.UNKNOWN;
                            } else {
                                facts = CatalogFacts.of(enrichment);
                            }
                            if (!facts.known()) {
                                unknown.inc();
                            }
                            result.complete(List.of(withFacts(hour, facts)));
                        });
    }

    @Override
    public void close() throws Exception {
        if (catalog != null) {
            catalog.close();
        }
    }
}
