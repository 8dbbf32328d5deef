package io.controlautogeneracion.ingest.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local stack's acceptance check, on the local stack's own demo catalog ({@code
 * catalog-service/src/main/resources/demo/fleet.json}, which catalog-service loads at each {@code
 * ./stack up}): P-00001 moved from C-0001 to C-0002 on 2026-06-01, so {@code
 * /topics/panel/messages?client_id=C-0002} returns its readings and the panels C-0002 always had,
 * and none of C-0001's; a reading of P-00001 from before the move (too old to be valid, so an
 * alarm) is attributed to C-0001.
 */
@QuarkusTest
class DemoFleetEnrichmentTest {

    private static final Path FLEET =
            Path.of("../catalog-service/src/main/resources/demo/fleet.json");
    private static final Instant MOVE = Instant.parse("2026-06-01T00:00:00Z");

    @InjectStandIns StandIns standIns;

    @BeforeEach
    void loadTheDemoCatalog() throws IOException {
        ObjectMapper mapper = CatalogDocuments.mapper();
        JsonNode fleet = mapper.readTree(Files.readString(FLEET));
        for (JsonNode c : fleet.path("clients")) {
            Client client = mapper.treeToValue(c, Client.class);
            standIns.putCatalog(CatalogKeys.client(client.clientId()), client);
        }
        for (JsonNode e : fleet.path("elements")) {
            Element element = mapper.treeToValue(e, Element.class);
            if (element.kind() == DeviceKind.PANEL) {
                standIns.putCatalog(
                        CatalogKeys.element(DeviceKind.PANEL, element.model()), element);
            }
        }
        for (JsonNode p : fleet.path("panels")) {
            Panel panel = mapper.treeToValue(p, Panel.class);
            standIns.putCatalog(CatalogKeys.device(DeviceKind.PANEL, panel.panelId()), panel);
        }
        Map<String, ClientRelHistory> histories = new LinkedHashMap<>();
        for (JsonNode r : fleet.path("clients_rel")) {
            ClientRel rel = mapper.treeToValue(r, ClientRel.class);
            if (rel.kind() == DeviceKind.PANEL) {
                histories.merge(
                        rel.deviceId(),
                        ClientRelHistory.empty(DeviceKind.PANEL, rel.deviceId()).with(rel),
                        (a, b) -> a.with(rel));
            }
        }
        histories.forEach(
                (id, h) -> standIns.putCatalog(CatalogKeys.relations(DeviceKind.PANEL, id), h));
    }

    @Test
    void shouldListP00001UnderC0002AfterItsMoveAndUnderC0001Before() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> times = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            times.add(now.minus(i * 10L, ChronoUnit.MINUTES));
        }
        for (Instant at : times) {
            // P-00001 (C-0001 until 2026-06-01, C-0002 since), P-00003 (C-0002's own), P-00002
            // (C-0001's, which stays).
            for (String panel : List.of("P-00001", "P-00002", "P-00003")) {
                standIns.send("panel", panel, Messages.panel(panel, at, 300));
            }
        }
        Instant beforeMove = MOVE.minus(6, ChronoUnit.HOURS);
        standIns.send("panel", "P-00001", Messages.panel("P-00001", beforeMove, 280));

        String from = now.minus(1, ChronoUnit.HOURS).toString();
        String to = now.toString();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("client_id", "C-0002")
                                        .queryParam("from", from)
                                        .queryParam("to", to)
                                        .queryParam("limit", 1000)
                                        .get("/topics/panel/messages")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "items.findAll { it.device_id == 'P-00001'"
                                                        + " }.size()",
                                                equalTo(times.size())));
        given().queryParam("client_id", "C-0002")
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("limit", 1000)
                .get("/topics/panel/messages")
                .then()
                .body("items.client_id", everyItem(equalTo("C-0002")))
                .body("items.name", everyItem(equalTo("Sergio")))
                .body("items.postal_code", everyItem(equalTo("28040")))
                .body("items.device_id", hasItems("P-00001", "P-00003"))
                .body("items.findAll { it.device_id == 'P-00002' }.size()", equalTo(0));
        given().queryParam("client_id", "C-0001")
                .queryParam("device_id", "P-00001")
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/topics/panel/messages")
                .then()
                .body("items.size()", equalTo(0));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            Document old =
                                    standIns.database()
                                            .getCollection("topic_alarm")
                                            .find(
                                                    Filters.and(
                                                            Filters.eq("device_id", "P-00001"),
                                                            Filters.eq(
                                                                    "event_time",
                                                                    java.util.Date.from(
                                                                            beforeMove))))
                                            .first();
                            assertThat(old).isNotNull();
                            assertThat(old.getString("enrichment_status")).isEqualTo("ok");
                            assertThat(old.getString("client_id")).isEqualTo("C-0001");
                        });
    }
}
