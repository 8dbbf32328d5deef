package io.controlautogeneracion.dashboards;

import com.sun.net.httpserver.HttpServer;
import io.controlautogeneracion.druid.DruidClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The dashboards page of the local stack: the three dashboards of the Superset bundle as a page
 * (ECharts), whose every chart is one of the named queries of {@code druid/queries/} run on the
 * Druid broker. Read-only, bound to one address, bounded in threads, rows and query time.
 *
 * <p>{@code DashboardsServer --host 127.0.0.1 --port 8090 --broker http://127.0.0.1:8082 --queries
 * druid/queries}
 */
public final class DashboardsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DashboardsServer.class.getName());
    private static final int THREADS = 4;

    private final HttpServer http;
    private final ExecutorService executor;

    private DashboardsServer(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    /** Starts serving on {@code host:port} (port 0: any free one). */
    public static DashboardsServer start(String host, int port, URI broker, Path queries) {
        return start(host, port, broker, queries, QueryEndpoint.MAX_ROWS);
    }

    /** {@link #start(String, int, URI, Path)} with at most {@code maxRows} rows an answer. */
    static DashboardsServer start(String host, int port, URI broker, Path queries, int maxRows) {
        QueryCatalog catalog = QueryCatalog.load(queries);
        // The overlord is never called: the page only reads, through the broker's SQL API.
        DruidClient druid = new DruidClient(broker, broker);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        http.setExecutor(executor);
        http.createContext("/api/", new QueryEndpoint(catalog, druid, maxRows));
        http.createContext("/", new StaticFiles());
        http.start();
        return new DashboardsServer(http, executor);
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8090}. */
    public URI url() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close() {
        http.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dashboards: " + e.getMessage());
            System.exit(2);
            return;
        }
        DashboardsServer server =
                start(
                        options.get("host"),
                        Integer.parseInt(options.get("port")),
                        URI.create(options.get("broker")),
                        Path.of(options.get("queries")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboards-stop"));
        LOG.log(
                System.Logger.Level.INFO,
                "dashboards page at "
                        + server.url()
                        + "/ over the Druid broker "
                        + options.get("broker"));
    }

    /** {@code --name value} pairs; every option is needed and no other is accepted. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : new String[] {"host", "port", "broker", "queries"}) {
            options.put(name, null);
        }
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "unknown option or missing value at '"
                                + args[i]
                                + "'; the options are --host, --port, --broker, --queries");
            }
            options.put(name, args[i + 1]);
        }
        options.forEach(
                (name, value) -> {
                    if (value == null) {
                        throw new IllegalArgumentException("--" + name + " is needed");
                    }
                });
        return options;
    }
}
