package io.controlautogeneracion.pipelines.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The seed's enrichment step (RichPanel, RichSensorLight): asks the catalog for a device's {@link
 * CatalogTimeline} without blocking, then computes the device's outputs off the catalog client's
 * threads. A device the catalog does not know is counted and kept; a catalog that cannot answer
 * fails the run, so an outage never replaces good rows with rows without enrichment (the scheduler
 * tries the hours again).
 */
final class DeviceLookup<S, O> extends RichAsyncFunction<Tuple2<String, S>, O> {
    private final BatchCatalog.Factory catalogFactory;
    private final HourJob.Kind<?, S, O> kind;
    private transient BatchCatalog catalog;
    private transient ExecutorService compute;
    private transient Counter unknown;

    DeviceLookup(BatchCatalog.Factory catalogFactory, HourJob.Kind<?, S, O> kind) {
        this.catalogFactory = catalogFactory;
        this.kind = kind;
    }

    @Override
    public void open(OpenContext context) {
        try {
            catalog = catalogFactory.open();
        } catch (RuntimeException e) {
            throw new BatchException("cannot reach the catalog: " + e.getMessage(), e);
        }
        compute =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, kind.deviceKind() + "-hours");
                            t.setDaemon(true);
                            return t;
                        });
        unknown = getRuntimeContext().getMetricGroup().counter("unknownDevices");
    }

    @Override
    public void asyncInvoke(Tuple2<String, S> device, ResultFuture<O> result) {
        catalog.timeline(kind.deviceKind(), device.f0)
                .thenApplyAsync(
                        timeline -> {
                            if (!timeline.known()) {
                                unknown.inc();
                            }
                            return kind.outputs(device.f0, device.f1, timeline);
                        },
                        compute)
                .whenComplete(
                        (outputs, error) -> {
                            if (error == null) {
                                result.complete(outputs);
                            } else {
                                result.completeExceptionally(
                                        new BatchException(
                                                "the catalog could not say what "
                                                        + kind.deviceKind()
                                                        + " "
                                                        + device.f0
                                                        + " is: "
                                                        + error,
                                                error));
                            }
                        });
    }

    @Override
    public void timeout(Tuple2<String, S> device, ResultFuture<O> result) {
        result.completeExceptionally(
                new BatchException(
                        "the catalog did not answer in time about "
                                + kind.deviceKind()
                                + " "
                                + device.f0));
    }

    @Override
    public void close() throws Exception {
        if (compute != null) {
            compute.shutdownNow();
        }
        if (catalog != null) {
            catalog.close();
        }
    }
}
