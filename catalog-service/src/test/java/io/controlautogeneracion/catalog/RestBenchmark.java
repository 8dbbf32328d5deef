package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code catalog-service/bench/rest.sh}): requests per second and
 * p50/p99 latency of the REST API over loopback, with the demo fleet loaded into the stand-in, from
 * a small asynchronous load generator in the same JVM. Prints figures, asserts nothing.
 */
@QuarkusTest
class RestBenchmark {
    private static final System.Logger LOG = System.getLogger("benchmark");
    private static final int IN_FLIGHT = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String auth =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    ("viewer:" + CouchbaseTestResource.VIEWER_PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8));

    @Test
    void restRequestsPerSecond() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/fleet.json")) {
            admin().body(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .post("/import")
                    .then()
                    .statusCode(200);
        }
        Map<String, IntFunction<String>> scenarios = new LinkedHashMap<>();
        scenarios.put(
                "GET /enrichment/panel/{id}?at= (warm cache)",
                i ->
                        String.format(
                                Locale.ROOT,
                                "enrichment/panel/P-%05d?at=2026-06-01T12:00:00Z",
                                1 + i % 480));
        scenarios.put(
                "GET /clients/{id} (one KV read)",
                i -> String.format(Locale.ROOT, "clients/C-%04d", 1 + i % 240));
        scenarios.put(
                "GET /clients/{id}/devices (index + KV reads)",
                i -> String.format(Locale.ROOT, "clients/C-%04d/devices", 1 + i % 240));
        for (IntFunction<String> path : scenarios.values()) {
            run(path, WARM_UP, new long[1 << 20]);
        }
        for (Map.Entry<String, IntFunction<String>> s : scenarios.entrySet()) {
            scenario(s.getKey(), s.getValue());
        }
    }

    private void scenario(String label, IntFunction<String> path) throws InterruptedException {
        long[] latencies = new long[1 << 22];
        long start = System.nanoTime();
        int n = run(path, MEASURE, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, Math.min(n, latencies.length));
        Arrays.sort(sorted);
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        Locale.ROOT,
                        "%-44s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%,d requests, %d in"
                                + " flight)",
                        label,
                        n / seconds,
                        sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.99)] / 1e6,
                        n,
                        IN_FLIGHT));
    }

    /** Keeps {@link #IN_FLIGHT} requests going for {@code duration}; returns how many completed. */
    private int run(IntFunction<String> path, Duration duration, long[] latencies)
            throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            slots.acquire();
            HttpRequest request =
                    HttpRequest.newBuilder(base.resolve(path.apply(i)))
                            .header("Authorization", auth)
                            .GET()
                            .build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                            (response, error) -> {
                                if (error != null || response.statusCode() != 200) {
                                    failures.incrementAndGet();
                                }
                                int k = done.getAndIncrement();
                                if (k < latencies.length) {
                                    latencies[k] = System.nanoTime() - sent;
                                }
                                slots.release();
                            });
        }
        slots.acquire(IN_FLIGHT);
        if (failures.get() > 0) {
            LOG.log(System.Logger.Level.WARNING, failures.get() + " requests failed");
        }
        return done.get();
    }
}
