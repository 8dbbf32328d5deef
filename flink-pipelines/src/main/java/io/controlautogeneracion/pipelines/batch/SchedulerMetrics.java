package io.controlautogeneracion.pipelines.batch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scheduler's figures in Prometheus' text format on {@code /metrics}: hours per status in the
 * ledger, hours due and waiting for a retry, runs by result, the last run's duration and the latest
 * reported hour. Every hour it skips or fails is visible here as well as in its log.
 */
public final class SchedulerMetrics {
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> snapshot = new AtomicReference<>("");
    private volatile int due;
    private volatile int waiting;
    private volatile double lastRunSeconds;

    void due(int hours, int waitingForRetry) {
        this.due = hours;
        this.waiting = waitingForRetry;
    }

    void ran(boolean success, double seconds) {
        (success ? ok : failed).incrementAndGet();
        lastRunSeconds = seconds;
    }

    void ledger(HourLedger.State state) {
        StringBuilder s = new StringBuilder();
        s.append("# HELP batch_hours Hours the hourly batch's ledger holds, by status.\n");
        s.append("# TYPE batch_hours gauge\n");
        for (Map.Entry<HourLedger.Status, Integer> e : HourLedger.counts(state).entrySet()) {
            s.append("batch_hours{status=\"")
                    .append(e.getKey().name().toLowerCase(Locale.ROOT))
                    .append("\"} ")
                    .append(e.getValue())
                    .append('\n');
        }
        Instant latest = null;
        for (Map.Entry<Instant, HourLedger.Hour> e : state.hours().entrySet()) {
            if (e.getValue().status() == HourLedger.Status.REPORTED) {
                latest = e.getKey();
            }
        }
        if (latest != null) {
            s.append(
                    "# HELP batch_latest_reported_hour_seconds Start of the newest reported"
                            + " hour.\n");
            s.append("# TYPE batch_latest_reported_hour_seconds gauge\n");
            s.append("batch_latest_reported_hour_seconds ")
                    .append(latest.getEpochSecond())
                    .append('\n');
        }
        snapshot.set(s.toString());
    }

    /** The figures as Prometheus text. */
    public String text() {
        return snapshot.get()
                + "# HELP batch_hours_due Closed hours due at the last check.\n"
                + "# TYPE batch_hours_due gauge\n"
                + "batch_hours_due "
                + due
                + "\n# HELP batch_hours_waiting Failed hours waiting for their next attempt.\n"
                + "# TYPE batch_hours_waiting gauge\n"
                + "batch_hours_waiting "
                + waiting
                + "\n# HELP batch_runs_total Runs of the hourly batch, by result.\n"
                + "# TYPE batch_runs_total counter\n"
                + "batch_runs_total{result=\"ok\"} "
                + ok.get()
                + "\nbatch_runs_total{result=\"failed\"} "
                + failed.get()
                + "\n# HELP batch_last_run_seconds Duration of the last run.\n"
                + "# TYPE batch_last_run_seconds gauge\n"
                + String.format(Locale.ROOT, "batch_last_run_seconds %.3f%n", lastRunSeconds);
    }

    /** Serves {@code /metrics} on {@code host:port}; nothing when the port is 0. */
    Optional<AutoCloseable> serve(String host, int port) {
        if (port <= 0) {
            return Optional.empty();
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext(
                    "/metrics",
                    exchange -> {
                        byte[] body = text().getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders()
                                .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    });
            server.start();
            return Optional.of(() -> server.stop(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
        }
    }
}
