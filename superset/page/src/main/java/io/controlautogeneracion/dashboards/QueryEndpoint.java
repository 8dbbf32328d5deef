package io.controlautogeneracion.dashboards;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.druid.DruidException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/…}: the named queries and their parameters ({@code GET /api/queries}), one named
 * query run on the Druid broker with the request's parameters bound to its documented ones ({@code
 * GET /api/queries/<name>?range_from=…}), and the server's health ({@code GET /api/health}).
 */
final class QueryEndpoint implements HttpHandler {
    /** The rows an answer holds unless the server is started with another cap. */
    static final int MAX_ROWS = 5000;

    /** The milliseconds Druid may spend on a query. */
    static final int TIMEOUT_MILLIS = 30_000;

    private static final System.Logger LOG = System.getLogger(QueryEndpoint.class.getName());
    private static final String QUERIES = "/api/queries";

    private final QueryCatalog catalog;
    private final DruidClient druid;
    private final int maxRows;
    private final Map<String, Object> context;

    QueryEndpoint(QueryCatalog catalog, DruidClient druid, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("an answer holds at least one row: " + maxRows);
        }
        this.catalog = catalog;
        this.druid = druid;
        this.maxRows = maxRows;
        this.context = Map.of("timeout", TIMEOUT_MILLIS);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            Exchanges.requireGet(exchange);
            if (path.equals("/api/health")) {
                Exchanges.json(exchange, 200, Map.of("status", "UP"));
            } else if (path.equals(QUERIES)) {
                Exchanges.json(exchange, 200, index());
            } else if (path.startsWith(QUERIES + "/")) {
                run(exchange, path.substring(QUERIES.length() + 1));
            } else {
                throw new DashboardsException(404, "nothing at " + path);
            }
        } catch (DashboardsException e) {
            Exchanges.problem(exchange, e.status(), e.getMessage());
        } catch (DruidException e) {
            LOG.log(
                    Level.WARNING,
                    "named query at " + path + " failed on Druid: " + e.getMessage());
            Exchanges.problem(exchange, 502, "Druid could not answer: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + path + " failed", e);
            Exchanges.problem(exchange, 500, "the dashboards server failed: " + e);
        }
    }

    private void run(HttpExchange exchange, String name) throws IOException {
        NamedQuery query = catalog.get(name);
        List<Object> values = QueryParameters.bind(query, Exchanges.parameters(exchange));
        // Druid is asked for one row more than an answer holds: a row after the last one shown is
        // what says an answer was cut, so an answer of exactly maxRows rows is not called cut.
        List<Map<String, Object>> rows = catalog.run(druid, query, values, maxRows + 1, context);
        boolean truncated = rows.size() > maxRows;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query.name());
        body.put("rows", truncated ? rows.subList(0, maxRows) : rows);
        body.put("truncated", truncated);
        Exchanges.json(exchange, 200, body);
    }

    private List<Map<String, Object>> index() {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (NamedQuery query : catalog.all()) {
            List<Map<String, String>> params = new ArrayList<>();
            for (NamedQuery.Param p : query.params()) {
                Map<String, String> param = new LinkedHashMap<>();
                param.put("name", p.name());
                param.put("type", p.type());
                params.add(param);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", query.name());
            entry.put("parameters", params);
            queries.add(entry);
        }
        return queries;
    }
}
