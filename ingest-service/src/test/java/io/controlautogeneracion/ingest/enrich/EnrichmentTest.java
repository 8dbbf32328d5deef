package io.controlautogeneracion.ingest.enrich;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.mongodb.client.model.Filters;
import io.controlautogeneracion.ingest.store.EnrichmentRepository;
import io.controlautogeneracion.ingest.testing.Catalog;
import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enrich, then store: each reading carries the owner valid at its event time, a catalog that does
 * not answer never holds storage back, and a catalog change reaches the documents already stored.
 */
@QuarkusTest
class EnrichmentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectStandIns StandIns standIns;

    private Catalog catalog;
    private String panel;
    private String first;
    private String second;
    private Instant move;

    @BeforeEach
    void catalog() {
        catalog = new Catalog(standIns);
        panel = Messages.uniqueId("P");
        first = Messages.uniqueId("C");
        second = Messages.uniqueId("C");
        move = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        catalog.client(first, "28013");
        catalog.client(second, "28040");
        catalog.panel(panel, "SUN-400");
    }

    @Test
    void shouldStoreAReadingBeforeAndAfterAMoveWithItsOwnerThen() {
        catalog.owners(panel, first, move.minus(30, ChronoUnit.DAYS), second, move);
        Instant before = move.minusSeconds(1);
        Instant after = move;
        standIns.send("panel", panel, Messages.panel(panel, before, 300));
        standIns.send("panel", panel, Messages.panel(panel, after, 310));

        Document old = awaitEnriched("topic", panel, before, "ok");
        Document moved = awaitEnriched("topic", panel, after, "ok");
        assertThat(old.getString("client_id")).isEqualTo(first);
        assertThat(old.getString("postal_code")).isEqualTo("28013");
        assertThat(moved.getString("client_id")).isEqualTo(second);
        assertThat(moved.getString("postal_code")).isEqualTo("28040");
        assertThat(moved.getString("name")).isEqualTo("Nombre " + second);
        assertThat(moved.getString("apell_1")).isEqualTo("Apellido");
        assertThat(moved.getString("address")).isEqualTo("Calle " + second + " 1, Madrid");
        assertThat(moved.getString("model")).isEqualTo("SUN-400");
        assertThat(moved.getString("manufacture_date")).isEqualTo("2024-02-01");
        assertThat(moved.getString("install_date")).isEqualTo("2024-03-01");
    }

    @Test
    void shouldTellADeviceWithoutOwnerFromAnUnknownOne() {
        catalog.owners(panel, first, move);
        String unknown = Messages.uniqueId("P");
        standIns.send("panel", panel, Messages.panel(panel, move.minusSeconds(60), 100));
        standIns.send("panel", unknown, Messages.panel(unknown, move, 100));

        Document unowned = awaitEnriched("topic", panel, move.minusSeconds(60), "no_owner");
        assertThat(unowned.getString("client_id")).isNull();
        assertThat(unowned.getString("model")).isEqualTo("SUN-400");
        Document nobody = awaitEnriched("topic", unknown, move, "unknown_device");
        assertThat(nobody.getString("model")).isNull();
    }

    @Test
    void shouldStoreAtOnceWhileTheCatalogIsDownAndEnrichOnceItAnswers() {
        catalog.owners(panel, first, move.minus(30, ChronoUnit.DAYS));
        Instant at = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        standIns.catalogDown();
        try {
            standIns.send("panel", panel, Messages.panel(panel, at, 420));
            Document stored = awaitEnriched("topic", panel, at, "catalog_unavailable");
            assertThat(stored.getString("client_id")).isNull();
            assertThat(stored.get("msg_value", Document.class).getDouble("power_w"))
                    .isEqualTo(420.0);
            given().get("/topics")
                    .then()
                    .statusCode(200)
                    .body(
                            "find { it.topic == 'panel' }.awaiting_enrichment",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        } finally {
            standIns.catalogUp();
        }
        Document enriched = awaitEnriched("topic", panel, at, "ok");
        assertThat(enriched.getString("client_id")).isEqualTo(first);
        given().get("/topics")
                .then()
                .body(
                        "find { it.topic == 'panel' }.enriched_later",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void shouldRecordTheViewOfEveryDeviceFirstSeenTogether() {
        Instant at = move.plusSeconds(60);
        List<String> panels = List.of(panel, Messages.uniqueId("P"), Messages.uniqueId("P"));
        for (String p : panels) {
            catalog.panel(p, "SUN-400");
            catalog.owners(p, first, move.minus(30, ChronoUnit.DAYS));
            standIns.send("panel", p, Messages.panel(p, at, 200));
        }

        // One write records them all: each with the catalog's view of it, and when.
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            for (String p : panels) {
                                Document view =
                                        standIns.database()
                                                .getCollection(EnrichmentRepository.VIEWS)
                                                .find(Filters.eq("_id", "panel/" + p))
                                                .first();
                                assertThat(view).as("the recorded view of %s", p).isNotNull();
                                assertThat(view.getString("device_id")).isEqualTo(p);
                                assertThat(view.getString("topic_id")).isEqualTo("panel");
                                assertThat(view.getString(EnrichmentRepository.VIEW_REV))
                                        .isNotBlank();
                                assertThat(view.getDate(EnrichmentRepository.CHECKED_AT))
                                        .isNotNull();
                            }
                        });
        for (String p : panels) {
            assertThat(awaitEnriched("topic", p, at, "ok").getString("client_id")).isEqualTo(first);
        }
    }

    @Test
    void shouldReEnrichTheDocumentsOfAMoveRegisteredAfterTheFact() {
        Instant start = move.minus(30, ChronoUnit.DAYS);
        catalog.owners(panel, first, start);
        Instant before = move.minusSeconds(5);
        Instant after = move.plusSeconds(5);
        standIns.send("panel", panel, Messages.panel(panel, before, 200));
        standIns.send("panel", panel, Messages.panel(panel, after, 210));
        assertThat(awaitEnriched("topic", panel, before, "ok").getString("client_id"))
                .isEqualTo(first);
        assertThat(awaitEnriched("topic", panel, after, "ok").getString("client_id"))
                .isEqualTo(first);

        // The move, registered now for an instant the readings passed already.
        catalog.owners(panel, first, start, second, move);

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(document("topic", panel, after).getString("client_id"))
                                        .isEqualTo(second));
        Document moved = document("topic", panel, after);
        assertThat(moved.getString("postal_code")).isEqualTo("28040");
        assertThat(moved.getString("enrichment_status")).isEqualTo("ok");
        assertThat(document("topic", panel, before).getString("client_id")).isEqualTo(first);
    }

    @Test
    void shouldFilterStoredReadingsByClientAndPostalCodeWithinTheRange() {
        catalog.owners(panel, first, move.minus(30, ChronoUnit.DAYS), second, move);
        List<Instant> times =
                List.of(
                        move.minusSeconds(120),
                        move.minusSeconds(60),
                        move,
                        move.plusSeconds(60),
                        move.plusSeconds(120));
        for (Instant at : times) {
            standIns.send("panel", panel, Messages.panel(panel, at, 250));
        }
        for (Instant at : times) {
            awaitEnriched("topic", panel, at, "ok");
        }
        String from = move.minusSeconds(600).toString();
        String to = move.plusSeconds(600).toString();

        given().queryParam("client_id", second)
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/topics/panel/messages")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.device_id", everyItem(equalTo(panel)))
                .body("items.client_id", everyItem(equalTo(second)))
                .body("items[0].event_time", equalTo(move.toString()))
                .body("items[0].postal_code", equalTo("28040"))
                .body("items[0].enrichment_status", equalTo("ok"));
        given().queryParam("client_id", first)
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/topics/panel/messages")
                .then()
                .body("items", hasSize(2))
                .body("items.client_id", everyItem(equalTo(first)));
        given().queryParam("client_id", second)
                .queryParam("from", move.plusSeconds(61).toString())
                .queryParam("to", to)
                .get("/topics/panel/messages")
                .then()
                .body("items", hasSize(1));
        given().queryParam("postal_code", "28040")
                .queryParam("device_id", panel)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("limit", 2)
                .get("/topics/panel/messages")
                .then()
                .body("items", hasSize(2))
                .body("has_more", equalTo(true));
    }

    @Test
    void shouldEnrichTheAlarmOfAKnownDevice() {
        catalog.owners(panel, first, move.minus(30, ChronoUnit.DAYS));
        Instant at = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        standIns.send("panel", panel, Messages.panel(panel, at, -5));
        Document alarm = awaitEnriched("topic_alarm", panel, at, "ok");
        assertThat(alarm.getString("text_alarm")).isNotBlank();
        assertThat(alarm.getString("client_id")).isEqualTo(first);
    }

    @Test
    void shouldStoreAReadingWhoseDeviceIdNoCatalogCanHoldAsUnknownAndGoOn() {
        catalog.owners(panel, first, move.minus(30, ChronoUnit.DAYS));
        String hostile = "P::" + "x".repeat(300);
        Instant at = Instant.now().minusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
        standIns.send("panel", hostile, Messages.panel(hostile, at, 10));
        standIns.send("panel", panel, Messages.panel(panel, at, 20));

        assertThat(awaitEnriched("topic", hostile, at, "unknown_device").getString("client_id"))
                .isNull();
        assertThat(awaitEnriched("topic", panel, at, "ok").getString("client_id")).isEqualTo(first);
    }

    private Document awaitEnriched(String collection, String device, Instant at, String status) {
        await().atMost(WAIT)
                .until(
                        () -> {
                            Document d = find(collection, device, at);
                            return d != null && status.equals(d.getString("enrichment_status"));
                        });
        return find(collection, device, at);
    }

    private Document document(String collection, String device, Instant at) {
        Document d = find(collection, device, at);
        assertThat(d).as("%s document of %s at %s", collection, device, at).isNotNull();
        return d;
    }

    private Document find(String collection, String device, Instant at) {
        return standIns.database()
                .getCollection(collection)
                .find(
                        Filters.and(
                                Filters.eq("device_id", device),
                                Filters.eq("event_time", Date.from(at))))
                .first();
    }
}
