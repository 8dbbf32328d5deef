package io.controlautogeneracion.ingest.stream;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** StreamingPanel: the {@code panel} topic into MongoDB, one batch at a time. */
@ApplicationScoped
public class StreamingPanel {

    private final IngestPipeline pipeline;

    public StreamingPanel(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming("panel")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return pipeline.ingest(DeviceKind.PANEL, records);
    }
}
