package io.controlautogeneracion.druid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A small client of Druid's HTTP APIs: supervisors and tasks on the overlord, load status on the
 * coordinator, SQL on the broker. Every wait is bounded.
 */
public final class DruidClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    // Druid's answers are mostly doubles (a client's hourly year: 8 760 rows, 13 doubles each):
    // the fast parser, exact as Double.parseDouble, halves the time to read them
    // (druid/bench/README.md).
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {};
    // Druid's load status answers NaN for a datasource without segments.
    private static final ObjectMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final URI overlord;
    private final URI broker;
    private final HttpClient http;

    /**
     * @param overlord base URL of the overlord (on the local stack, the coordinator acting as one)
     * @param broker base URL of the broker
     */
    public DruidClient(URI overlord, URI broker) {
        this.overlord = overlord;
        this.broker = broker;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /** Submits (or updates) a Kafka supervisor; returns its id, the datasource name. */
    public String submitSupervisor(String specJson) {
        return post(overlord.resolve("/druid/indexer/v1/supervisor"), specJson).path("id").asText();
    }

    /** The ids of the running supervisors. */
    public List<String> supervisors() {
        JsonNode ids = get(overlord.resolve("/druid/indexer/v1/supervisor"));
        return JSON.convertValue(ids, new TypeReference<List<String>>() {});
    }

    /**
     * Suspends every supervisor: their tasks publish what they hold and stop, and the supervisors
     * resume from the committed offsets when their specs are submitted again.
     */
    public void suspendAllSupervisors() {
        post(overlord.resolve("/druid/indexer/v1/supervisor/suspendAll"), "");
    }

    /**
     * Waits until no ingestion task is pending or running; returns whether that happened in time.
     */
    public boolean awaitNoActiveTasks(Duration timeout) {
        return until(
                () ->
                        get(overlord.resolve("/druid/indexer/v1/tasks?state=running")).isEmpty()
                                && get(overlord.resolve("/druid/indexer/v1/tasks?state=pending"))
                                        .isEmpty(),
                timeout,
                POLL);
    }

    /**
     * Sets a datasource's auto-compaction config (the coordinator's API; on the local stack the
     * coordinator acts as the overlord), and the share of task slots compaction may take: {@code
     * ratio} of the workers' capacity, at most {@code maxSlots}.
     */
    public void submitCompactionConfig(String configJson, double ratio, int maxSlots) {
        post(overlord.resolve("/druid/coordinator/v1/config/compaction"), configJson);
        post(
                overlord.resolve(
                        "/druid/coordinator/v1/config/compaction/taskslots?ratio="
                                + ratio
                                + "&max="
                                + maxSlots),
                "");
    }

    /** Submits an ingestion task (for example {@code index_parallel}); returns its id. */
    public String submitTask(String taskJson) {
        return post(overlord.resolve("/druid/indexer/v1/task"), taskJson).path("task").asText();
    }

    /** Waits until the task ends; fails with Druid's error message when it did not succeed. */
    public void awaitTaskSuccess(String taskId, Duration timeout) {
        AtomicReference<JsonNode> status = new AtomicReference<>();
        boolean done =
                until(
                        () -> {
                            JsonNode s =
                                    get(overlord.resolve(
                                                    "/druid/indexer/v1/task/" + taskId + "/status"))
                                            .path("status");
                            status.set(s);
                            String code = s.path("statusCode").asText(s.path("status").asText());
                            return code.equals("SUCCESS") || code.equals("FAILED");
                        },
                        timeout,
                        POLL);
        JsonNode last = status.get();
        String code =
                last == null
                        ? "unknown"
                        : last.path("statusCode").asText(last.path("status").asText());
        if (!done) {
            throw new DruidException(
                    "Druid task " + taskId + " still " + code + " after " + timeout);
        }
        if (!code.equals("SUCCESS")) {
            throw new DruidException(
                    "Druid task " + taskId + " failed: " + last.path("errorMsg").asText());
        }
    }

    /**
     * Waits until every used segment of {@code datasource} is served by historicals, so a query
     * reads what the last load wrote. The coordinator first refreshes its view of the metadata
     * store (a just-published segment counts); a datasource without segments is served.
     */
    public void awaitServed(String datasource, Duration timeout) {
        // Every interval (the default is the last two weeks only); a datasource with no segment
        // there answers NaN, which standard JSON does not allow.
        URI status =
                overlord.resolve(
                        "/druid/coordinator/v1/datasources/"
                                + URLEncoder.encode(datasource, StandardCharsets.UTF_8)
                                + "/loadstatus?forceMetadataRefresh=true&interval="
                                + URLEncoder.encode(
                                        "1000-01-01/3000-01-01", StandardCharsets.UTF_8));
        AtomicReference<JsonNode> last = new AtomicReference<>();
        boolean served =
                until(
                        () -> {
                            JsonNode answer = get(status, LENIENT);
                            last.set(answer);
                            double loaded = answer.path(datasource).asDouble(100);
                            if (answer.isNull() || Double.isNaN(loaded)) {
                                return true;
                            }
                            // Loaded on the historicals, and the broker knows the datasource
                            // (right after the first load it may not yet).
                            return loaded >= 100
                                    && !sql(
                                                    "SELECT TABLE_NAME FROM"
                                                            + " INFORMATION_SCHEMA.TABLES WHERE"
                                                            + " TABLE_SCHEMA = 'druid' AND"
                                                            + " TABLE_NAME = ?",
                                                    datasource)
                                            .isEmpty();
                        },
                        timeout,
                        Duration.ofMillis(200));
        if (!served) {
            throw new DruidException(
                    datasource + " not served within " + timeout + ": load status " + last.get());
        }
    }

    /** Runs a Druid SQL query with positional parameters ({@code ?}); rows as column → value. */
    public List<Map<String, Object>> sql(String query, Object... parameters) {
        return sql(Map.of(), query, parameters);
    }

    /**
     * Runs a Druid SQL query with a query context (for example {@code sqlOuterLimit}, {@code
     * timeout}) and positional parameters ({@code ?}); rows as column → value.
     */
    public List<Map<String, Object>> sql(
            Map<String, Object> context, String query, Object... parameters) {
        // Rows as arrays after one header row: the column names once, not once per row (an
        // hourly year of one client is 8 760 rows of 17 columns; half its bytes were the names).
        ObjectNode body =
                JSON.createObjectNode()
                        .put("query", query)
                        .put("resultFormat", "array")
                        .put("header", true);
        if (!context.isEmpty()) {
            body.set("context", JSON.valueToTree(context));
        }
        ArrayNode params = body.putArray("parameters");
        for (Object p : parameters) {
            ObjectNode param = params.addObject();
            if (p instanceof Integer || p instanceof Long) {
                param.put("type", "BIGINT").put("value", ((Number) p).longValue());
            } else if (p instanceof Number n) {
                param.put("type", "DOUBLE").put("value", n.doubleValue());
            } else if (p instanceof java.time.Instant t) {
                param.put("type", "TIMESTAMP")
                        .put("value", t.toString().replace('T', ' ').replace("Z", ""));
            } else {
                param.put("type", "VARCHAR").put("value", String.valueOf(p));
            }
        }
        return rows(exchange(postRequest(broker.resolve("/druid/v2/sql"), body.toString())));
    }

    /**
     * Runs a native query (JSON) on the broker. The query's context should ask for {@code
     * "resultAsArray": true} where the query type takes it (groupBy): its rows are then arrays of
     * values in the query's output order, the time first as epoch milliseconds.
     */
    public List<List<Object>> nativeQuery(String queryJson) {
        List<List<Object>> table =
                table(exchange(postRequest(broker.resolve("/druid/v2"), queryJson)));
        return table == null ? List.of() : table;
    }

    /** The rows of an {@code array} answer with a header: column → value, in column order. */
    static List<Map<String, Object>> rows(String answer) {
        List<List<Object>> table = table(answer);
        if (table == null || table.isEmpty()) {
            return List.of();
        }
        List<Object> header = table.get(0);
        List<Map<String, Object>> rows = new ArrayList<>(table.size() - 1);
        for (List<Object> values : table.subList(1, table.size())) {
            Map<String, Object> row = new LinkedHashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                row.put((String) header.get(i), i < values.size() ? values.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> table(String answer) {
        try {
            return JSON.readValue(answer, ROWS);
        } catch (JsonProcessingException e) {
            throw new DruidException("Druid answered a query with invalid JSON", e);
        }
    }

    /**
     * Repeats a query until its rows satisfy {@code expectation}: a loaded segment's schema can
     * appear a few seconds after the load status says 100 %.
     */
    public List<Map<String, Object>> awaitSql(
            String query,
            Predicate<List<Map<String, Object>>> expectation,
            Duration timeout,
            Object... params) {
        AtomicReference<List<Map<String, Object>>> last = new AtomicReference<>();
        AtomicReference<RuntimeException> lastError = new AtomicReference<>();
        boolean met =
                until(
                        () -> {
                            try {
                                last.set(sql(query, params));
                                return expectation.test(last.get());
                            } catch (DruidException e) {
                                lastError.set(e);
                                return false;
                            }
                        },
                        timeout,
                        POLL);
        if (!met) {
            throw new DruidException(
                    "Druid SQL did not give the expected answer within "
                            + timeout
                            + ": last rows "
                            + last.get()
                            + (lastError.get() == null
                                    ? ""
                                    : ", last error " + lastError.get().getMessage()));
        }
        return last.get();
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; every wait has a bound. */
    private static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(interval.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new DruidException("interrupted while waiting on Druid");
            }
        }
        return true;
    }

    private JsonNode get(URI uri) {
        return get(uri, JSON);
    }

    private JsonNode get(URI uri, ObjectMapper mapper) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(), mapper);
    }

    private JsonNode post(URI uri, String body) {
        return send(postRequest(uri, body));
    }

    private static HttpRequest postRequest(URI uri, String json) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private JsonNode send(HttpRequest request) {
        return send(request, JSON);
    }

    private JsonNode send(HttpRequest request, ObjectMapper mapper) {
        String body = exchange(request);
        try {
            return body == null || body.isBlank() ? mapper.nullNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DruidException("Druid answered " + request.uri() + " with invalid JSON", e);
        }
    }

    /** The body of Druid's answer to {@code request}; any status but 2xx is an exception. */
    private String exchange(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DruidException(
                        request.method()
                                + " "
                                + request.uri()
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new DruidException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DruidException("interrupted calling " + request.uri(), e);
        }
    }
}
