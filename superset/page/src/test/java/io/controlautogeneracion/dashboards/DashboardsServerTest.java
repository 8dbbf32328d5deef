package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboards server against a stand-in Druid broker that records what it is asked: a named
 * query goes to the broker word for word with its parameters bound and typed and Druid's bounds in
 * the context; bad requests are answered with a problem and never reach the broker; the page and
 * the charting library are served, and nothing else.
 */
class DashboardsServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> brokerRequests = new CopyOnWriteArrayList<>();
    private HttpServer broker;
    private DashboardsServer server;
    private volatile int brokerStatus = 200;
    private volatile int brokerRows = 1;

    @BeforeEach
    void start() throws IOException {
        broker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broker.createContext(
                "/druid/v2/sql",
                exchange -> {
                    JsonNode request = JSON.readTree(exchange.getRequestBody());
                    brokerRequests.add(request);
                    byte[] body =
                            (brokerStatus == 200
                                            ? answer(request.path("context").path("sqlOuterLimit"))
                                            : "{\"error\":\"Plan validation failed\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(brokerStatus, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        broker.start();
        server =
                DashboardsServer.start(
                        "127.0.0.1",
                        0,
                        URI.create("http://127.0.0.1:" + broker.getAddress().getPort()),
                        ProjectFiles.path("druid/queries"));
    }

    @AfterEach
    void stop() {
        server.close();
        broker.stop(0);
    }

    /**
     * The broker's answer: a header and the first {@code sqlOuterLimit} of {@link #brokerRows}
     * rows, as Druid cuts an answer at its outer limit.
     */
    private String answer(JsonNode outerLimit) {
        int rows = outerLimit.isInt() ? Math.min(outerLimit.asInt(), brokerRows) : brokerRows;
        StringBuilder body = new StringBuilder("[[\"panel_id\",\"shortfall_wh\"]");
        for (int i = 0; i < rows; i++) {
            body.append(",[\"P-").append(i + 2).append("\",550.0]");
        }
        return body.append(']').toString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.url().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRunTheNamedQueryWordForWordWithBoundTypedParameters() throws Exception {
        HttpResponse<String> response =
                get(
                        "/api/queries/underproducing_panels?range_from=2026-06-01T00:00:00Z"
                                + "&range_to=2026-07-01T00:00:00Z&max_panels=10");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("query").asText()).isEqualTo("underproducing_panels");
        assertThat(body.path("rows").get(0).path("shortfall_wh").asDouble()).isEqualTo(550.0);
        assertThat(body.path("truncated").asBoolean()).isFalse();

        assertThat(brokerRequests).hasSize(1);
        JsonNode sent = brokerRequests.get(0);
        assertThat(sent.path("query").asText())
                .isEqualTo(catalogQuery("underproducing_panels").body());
        assertThat(sent.path("parameters").toString())
                .isEqualTo(
                        "[{\"type\":\"TIMESTAMP\",\"value\":\"2026-06-01 00:00:00\"},"
                                + "{\"type\":\"TIMESTAMP\",\"value\":\"2026-07-01 00:00:00\"},"
                                + "{\"type\":\"BIGINT\",\"value\":10}]");
        assertThat(sent.path("context").path("sqlOuterLimit").asInt())
                .isEqualTo(QueryEndpoint.MAX_ROWS + 1);
        assertThat(sent.path("context").path("timeout").asInt())
                .isEqualTo(QueryEndpoint.TIMEOUT_MILLIS);
    }

    @Test
    void shouldCallAnAnswerCutOnlyWhenDruidHadMoreRowsThanItHolds() throws Exception {
        String path =
                "/api/queries/underproducing_panels?range_from=2026-06-01T00:00:00Z"
                        + "&range_to=2026-07-01T00:00:00Z&max_panels=10";

        brokerRows = QueryEndpoint.MAX_ROWS;
        JsonNode exact = JSON.readTree(get(path).body());
        brokerRows = QueryEndpoint.MAX_ROWS + 1;
        JsonNode more = JSON.readTree(get(path).body());
        brokerRows = 20_000;
        JsonNode many = JSON.readTree(get(path).body());

        assertThat(exact.path("rows").size()).isEqualTo(QueryEndpoint.MAX_ROWS);
        assertThat(exact.path("truncated").asBoolean()).isFalse();
        for (JsonNode cut : List.of(more, many)) {
            assertThat(cut.path("rows").size()).isEqualTo(QueryEndpoint.MAX_ROWS);
            assertThat(cut.path("truncated").asBoolean()).isTrue();
            assertThat(cut.path("rows").get(QueryEndpoint.MAX_ROWS - 1).path("panel_id").asText())
                    .isEqualTo("P-" + (QueryEndpoint.MAX_ROWS + 1));
        }
    }

    @Test
    void shouldSendAValueThatLooksLikeSqlAsABoundStringOnly() throws Exception {
        HttpResponse<String> response =
                get(
                        "/api/queries/light_sensor_hourly?light_id=L-1%27%20OR%20%271%27%3D%271"
                                + "&range_from=2026-06-01T00:00:00Z&range_to=2026-06-02T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = brokerRequests.get(0);
        assertThat(sent.path("query").asText()).doesNotContain("L-1");
        assertThat(sent.path("parameters").get(0).path("value").asText())
                .isEqualTo("L-1' OR '1'='1");
        assertThat(sent.path("parameters").get(0).path("type").asText()).isEqualTo("VARCHAR");
    }

    @Test
    void shouldAnswerBadRequestsWithAProblemAndNeverAskDruid() throws Exception {
        HttpResponse<String> unknown = get("/api/queries/no_such_query");
        HttpResponse<String> missing = get("/api/queries/wind_speed_per_minute");
        HttpResponse<String> twice = get("/api/queries/wind_speed_per_minute?hours=1&hours=2");
        HttpResponse<String> post =
                http.send(
                        HttpRequest.newBuilder(
                                        server.url().resolve("/api/queries/wind_open_episodes"))
                                .POST(HttpRequest.BodyPublishers.ofString("DROP"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).contains("no_such_query");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("hours");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(brokerRequests).isEmpty();
    }

    @Test
    void shouldAnswer502WithDruidsMessageWhenDruidFails() throws Exception {
        brokerStatus = 400;

        HttpResponse<String> response = get("/api/queries/wind_open_episodes");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .contains("Plan validation failed");
    }

    @Test
    void shouldListTheNamedQueriesWithTheirParameters() throws Exception {
        JsonNode index = JSON.readTree(get("/api/queries").body());

        assertThat(index).hasSize(NamedQueries.all().size());
        JsonNode wind = null;
        for (JsonNode q : index) {
            if (q.path("name").asText().equals("wind_speed_per_minute")) {
                wind = q;
            }
        }
        assertThat(wind).isNotNull();
        assertThat(wind.path("parameters").toString())
                .isEqualTo("[{\"name\":\"hours\",\"type\":\"BIGINT\"}]");
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeThePageItsSpecAndTheChartingLibraryAndNothingElse() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        // The build wrote the WebJar's version into the page, and the WebJar serves that file.
        String library =
                page.body()
                        .lines()
                        .filter(l -> l.contains("echarts.min.js"))
                        .findFirst()
                        .orElseThrow()
                        .replaceAll(".*src=\"([^\"]+)\".*", "$1");
        assertThat(library).doesNotContain("${");
        assertThat(get("/" + library).statusCode()).isEqualTo(200);
        assertThat(get("/dashboards.json").statusCode()).isEqualTo(200);
        assertThat(get("/dashboards.js").statusCode()).isEqualTo(200);

        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/%2e%2e/%2e%2e/pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/io/controlautogeneracion/dashboards/DashboardsServer.class").statusCode())
                .isEqualTo(404);
        assertThat(get("/webjars/../../page/index.html").statusCode()).isEqualTo(404);
    }

    private static NamedQuery catalogQuery(String name) {
        return QueryCatalog.load(ProjectFiles.path("druid/queries")).get(name);
    }
}
