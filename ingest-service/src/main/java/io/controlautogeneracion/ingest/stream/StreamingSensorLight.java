package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** StreamingSensorLight: the {@code sensor-light} topic into MongoDB, one batch at a time. */
@ApplicationScoped
public class StreamingSensorLight {

    private final IngestPipeline pipeline;

    public StreamingSensorLight(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming("sensor-light")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.ingest(DeviceKind.LIGHT, records);
    }
}
