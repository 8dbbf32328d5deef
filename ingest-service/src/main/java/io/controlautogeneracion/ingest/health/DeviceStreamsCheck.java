package io.controlautogeneracion.ingest.health;

import io.controlautogeneracion.ingest.stream.DeviceStream;
import io.controlautogeneracion.ingest.stream.DeviceStreams;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The device streams' Kafka consumers. Liveness: DOWN when a stream ended with a failure (a restart
 * reads again from the last commit). Readiness: also DOWN until every stream's consumer has joined
 * its group. Each stream's state and lag are in the data, under its seed name.
 */
public final class DeviceStreamsCheck {

    static final String NAME = "device-streams";

    private DeviceStreamsCheck() {}

    static HealthCheckResponse check(DeviceStreams streams, boolean readiness) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean up = true;
        for (DeviceStream stream : streams.all()) {
            DeviceStream.State state = stream.state();
            boolean failed = state == DeviceStream.State.FAILED;
            boolean waiting =
                    readiness && (state != DeviceStream.State.RUNNING || !stream.joined());
            up &= !failed && !waiting;
            String described =
                    failed
                            ? "failed: " + stream.failure()
                            : state == DeviceStream.State.RUNNING && !stream.joined()
                                    ? "joining group"
                                    : state.name().toLowerCase();
            response.withData(stream.name(), stream.topic() + ": " + described);
        }
        return response.status(up).build();
    }

    /** Liveness: no stream failed. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final DeviceStreams streams;

        public Live(DeviceStreams streams) {
            this.streams = streams;
        }

        @Override
        public HealthCheckResponse call() {
            return check(streams, false);
        }
    }

    /** Readiness: every stream runs and has joined its group. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final DeviceStreams streams;

        public Ready(DeviceStreams streams) {
            this.streams = streams;
        }

        @Override
        public HealthCheckResponse call() {
            return check(streams, true);
        }
    }
}
