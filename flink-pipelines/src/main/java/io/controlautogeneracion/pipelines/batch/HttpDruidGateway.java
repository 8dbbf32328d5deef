package io.controlautogeneracion.pipelines.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link DruidGateway} over Druid's HTTP APIs: tasks on the overlord, SQL on the broker. Every
 * request and every wait is bounded.
 */
public final class HttpDruidGateway implements DruidGateway {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI overlord;
    private final URI broker;
    private final HttpClient http;

    public HttpDruidGateway(URI overlord, URI broker) {
        this.overlord = overlord;
        this.broker = broker;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    @Override
    public String submitTask(String taskJson) {
        return post(overlord.resolve("/druid/indexer/v1/task"), taskJson).path("task").asText();
    }

    @Override
    public void awaitTaskSuccess(String taskId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String code = "unknown";
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status =
                    get(overlord.resolve("/druid/indexer/v1/task/" + taskId + "/status"))
                            .path("status");
            code = status.path("statusCode").asText(status.path("status").asText());
            if (code.equals("SUCCESS")) {
                return;
            }
            if (code.equals("FAILED")) {
                throw new BatchException(
                        "Druid task " + taskId + " failed: " + status.path("errorMsg").asText());
            }
            pause();
        }
        throw new BatchException("Druid task " + taskId + " still " + code + " after " + timeout);
    }

    @Override
    public List<Map<String, Object>> sql(String query, Object... parameters) {
        ObjectNode body = JSON.createObjectNode().put("query", query).put("resultFormat", "object");
        ArrayNode params = body.putArray("parameters");
        for (Object p : parameters) {
            ObjectNode param = params.addObject();
            if (p instanceof Integer || p instanceof Long) {
                param.put("type", "BIGINT").put("value", ((Number) p).longValue());
            } else if (p instanceof Number n) {
                param.put("type", "DOUBLE").put("value", n.doubleValue());
            } else if (p instanceof Instant t) {
                param.put("type", "TIMESTAMP").put("value", DruidSql.timestamp(t));
            } else {
                param.put("type", "VARCHAR").put("value", String.valueOf(p));
            }
        }
        return JSON.convertValue(
                post(broker.resolve("/druid/v2/sql"), body.toString()),
                new TypeReference<List<Map<String, Object>>>() {});
    }

    private JsonNode get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
    }

    private JsonNode post(URI uri, String body) {
        return send(
                HttpRequest.newBuilder(uri)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new BatchException(
                        request.method()
                                + " "
                                + request.uri()
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new BatchException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchException("interrupted calling " + request.uri(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchException("interrupted waiting for a Druid task", e);
        }
    }
}
