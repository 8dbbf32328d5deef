package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** StreamingSensorWind: the {@code sensor-wind} topic into MongoDB, one batch at a time. */
@ApplicationScoped
public class StreamingSensorWind {

    private final IngestPipeline pipeline;

    public StreamingSensorWind(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming("sensor-wind")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.ingest(DeviceKind.WIND, records);
    }
}
