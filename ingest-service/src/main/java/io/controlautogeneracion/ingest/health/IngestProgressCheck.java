package io.controlautogeneracion.ingest.health;

import io.controlautogeneracion.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while a partition has messages waiting and nothing was written from it for {@code
 * ingest.health.stall-timeout}, naming the topic, partition and first offset not written. Liveness
 * is left alone: a restart would read the same messages again.
 */
@Readiness
@ApplicationScoped
public class IngestProgressCheck implements HealthCheck {

    static final String NAME = "ingest-progress";

    private final PartitionProgress progress;
    private final IngestConfig config;
    private final Clock clock;

    public IngestProgressCheck(PartitionProgress progress, IngestConfig config, Clock clock) {
        this.progress = progress;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        List<PartitionProgress.Stall> stalls =
                progress.stalled(clock.instant(), config.health().stallTimeout());
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(NAME).status(stalls.isEmpty());
        if (!stalls.isEmpty()) {
            PartitionProgress.Stall first = stalls.get(0);
            response.withData("topic", first.topic())
                    .withData("partition", first.partition())
                    .withData("offset", first.offset());
        }
        for (PartitionProgress.Stall stall : stalls) {
            response.withData(
                    stall.topic() + "-" + stall.partition(),
                    "no message written for "
                            + stall.idle().toSeconds()
                            + " s at offset "
                            + stall.offset()
                            + ", "
                            + stall.waiting()
                            + " waiting");
        }
        return response.build();
    }
}
