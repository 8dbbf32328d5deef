package io.controlautogeneracion.druid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire format of the client against a loopback HTTP server that answers as Druid does. */
class DruidClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private DruidClient client;
    private final AtomicReference<JsonNode> lastBody = new AtomicReference<>();
    private volatile String sqlAnswer = "[[\"n\"],[3]]";
    private final AtomicReference<String> lastNative = new AtomicReference<>();
    private volatile String nativeAnswer = "[]";
    private final List<String> compactionCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/druid/v2/sql",
                exchange -> {
                    lastBody.set(JSON.readTree(exchange.getRequestBody()));
                    answer(exchange, 200, sqlAnswer);
                });
        server.createContext(
                "/druid/v2",
                exchange -> {
                    lastNative.set(
                            exchange.getRequestURI().getPath()
                                    + " "
                                    + JSON.readTree(exchange.getRequestBody()));
                    answer(exchange, 200, nativeAnswer);
                });
        server.createContext(
                "/druid/indexer/v1/task/failing/status",
                exchange ->
                        answer(
                                exchange,
                                200,
                                "{\"status\":{\"statusCode\":\"FAILED\",\"errorMsg\":\"bad"
                                        + " spec\"}}"));
        server.createContext(
                "/druid/indexer/v1/task",
                exchange -> answer(exchange, 400, "{\"error\":\"no dataSchema\"}"));
        server.createContext(
                "/druid/coordinator/v1/config/compaction",
                exchange -> {
                    compactionCalls.add(
                            exchange.getRequestURI()
                                    + " "
                                    + new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                    answer(exchange, 200, "");
                });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = new DruidClient(base, base);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldTypeSqlParametersAsDruidExpects() {
        List<Map<String, Object>> rows =
                client.sql("SELECT ?", 7, 2.5, Instant.parse("2026-06-01T10:00:00Z"), "P-1");

        assertThat(rows).containsExactly(Map.of("n", 3));
        JsonNode params = lastBody.get().path("parameters");
        assertThat(params.get(0).path("type").asText()).isEqualTo("BIGINT");
        assertThat(params.get(1).path("type").asText()).isEqualTo("DOUBLE");
        assertThat(params.get(2).path("type").asText()).isEqualTo("TIMESTAMP");
        assertThat(params.get(2).path("value").asText()).isEqualTo("2026-06-01 10:00:00");
        assertThat(params.get(3).path("value").asText()).isEqualTo("P-1");
    }

    @Test
    void shouldAskForRowsAsArraysAndGiveThemAsColumnsAndValuesInColumnOrder() {
        sqlAnswer =
                "[[\"panel_id\",\"hours\",\"wh\",\"client_id\",\"tags\"],"
                        + "[\"P-1\",8760,1234.5,null,[\"a\",\"b\"]],"
                        + "[\"P-2\",12345678901,0.0,\"C-1\",null]]";

        List<Map<String, Object>> rows = client.sql("SELECT ...");

        assertThat(lastBody.get().path("resultFormat").asText()).isEqualTo("array");
        assertThat(lastBody.get().path("header").asBoolean()).isTrue();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet())
                .containsExactly("panel_id", "hours", "wh", "client_id", "tags");
        assertThat(rows.get(0))
                .containsEntry("panel_id", "P-1")
                .containsEntry("hours", 8760)
                .containsEntry("wh", 1234.5)
                .containsEntry("client_id", null)
                .containsEntry("tags", List.of("a", "b"));
        assertThat(rows.get(1)).containsEntry("hours", 12345678901L).containsEntry("wh", 0.0);

        sqlAnswer = "[[\"n\"]]";
        assertThat(client.sql("SELECT n FROM nothing")).isEmpty();
    }

    @Test
    void shouldPostANativeQueryToTheBrokerAndGiveItsRowsAsArrays() {
        nativeAnswer = "[[1740787200000,3,139974.995,null],[1740790800000,2,0.0,1.5]]";

        List<List<Object>> rows = client.nativeQuery("{\"queryType\":\"groupBy\"}");

        assertThat(lastNative.get()).isEqualTo("/druid/v2 {\"queryType\":\"groupBy\"}");
        assertThat(rows)
                .containsExactly(
                        java.util.Arrays.asList(1740787200000L, 3, 139974.995, null),
                        List.of(1740790800000L, 2, 0.0, 1.5));
        nativeAnswer = "[]";
        assertThat(client.nativeQuery("{}")).isEmpty();
        nativeAnswer = "{\"error\":";
        assertThatThrownBy(() -> client.nativeQuery("{}"))
                .isInstanceOf(DruidException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void shouldReadEveryDoubleAsTheJdkParsesIt() {
        // Sums as Druid writes them: shortest digits, 17 significant ones, extremes, exponents.
        List<String> written =
                List.of(
                        "0.30000000000000004",
                        "1234.5600000000002",
                        "9007199254740993.0",
                        "4.9E-324",
                        "2.2250738585072014E-308",
                        "1.7976931348623157E308",
                        "-0.0",
                        "6.02214076E23",
                        "0.1",
                        "123456.78901234567");
        sqlAnswer =
                "[[\"wh\"],"
                        + String.join(",", written.stream().map(v -> "[" + v + "]").toList())
                        + "]";

        List<Map<String, Object>> rows = client.sql("SELECT ...");

        assertThat(rows).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(rows.get(i).get("wh"))
                    .as(written.get(i))
                    .isEqualTo(Double.parseDouble(written.get(i)));
        }
    }

    @Test
    void shouldSetACompactionConfigAndItsTaskSlots() {
        client.submitCompactionConfig("{\"dataSource\":\"panel_report\"}", 0.5, 3);

        assertThat(compactionCalls)
                .containsExactly(
                        "/druid/coordinator/v1/config/compaction {\"dataSource\":\"panel_report\"}",
                        "/druid/coordinator/v1/config/compaction/taskslots?ratio=0.5&max=3 ");
    }

    @Test
    void shouldSendAQueryContextOnlyWhenOneIsGiven() {
        client.sql(Map.of("sqlOuterLimit", 10, "timeout", 5000), "SELECT ?", "P-1");

        assertThat(lastBody.get().path("context").path("sqlOuterLimit").asInt()).isEqualTo(10);
        assertThat(lastBody.get().path("context").path("timeout").asInt()).isEqualTo(5000);
        assertThat(lastBody.get().path("parameters").get(0).path("value").asText())
                .isEqualTo("P-1");

        client.sql("SELECT 1");
        assertThat(lastBody.get().has("context")).isFalse();
    }

    @Test
    void shouldReportDruidsErrorWithTheStatusAndBody() {
        assertThatThrownBy(() -> client.submitTask("{}"))
                .isInstanceOf(DruidException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("no dataSchema");
    }

    @Test
    void shouldFailAWaitOnAFailedTaskWithDruidsMessage() {
        assertThatThrownBy(() -> client.awaitTaskSuccess("failing", Duration.ofSeconds(5)))
                .isInstanceOf(DruidException.class)
                .hasMessageContaining("bad spec");
    }

    private static void answer(
            com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
