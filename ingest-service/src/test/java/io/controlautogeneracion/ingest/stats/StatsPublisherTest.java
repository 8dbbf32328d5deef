package io.controlautogeneracion.ingest.stats;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsPublisherTest {

    /**
     * With no broker, the producer's send waits up to a minute for the topic's metadata; the flush
     * that publishes runs on an event loop, which must not wait with it.
     */
    @Test
    void shouldNotHoldTheCallerWhileKafkaIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StatsPublisher publisher =
                new StatsPublisher(
                        Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), "topic_stats");
        try {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> {
                        for (int i = 0; i < 3; i++) {
                            publisher.publish("panel", "{\"n\":" + i + "}", "bucket " + i);
                        }
                    },
                    "publish waited for Kafka");
        } finally {
            publisher.close();
        }
    }
}
