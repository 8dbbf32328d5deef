package io.controlautogeneracion.ingest.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.controlautogeneracion.ingest.testing.InjectStandIns;
import io.controlautogeneracion.ingest.testing.Messages;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.ingest.testing.StandInsResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST contract: topics, stats, alarms and messages, errors included. */
@QuarkusTest
class TopicResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectStandIns StandIns standIns;

    private String device;
    private String badDevice;

    @BeforeEach
    void sendReadings() {
        device = Messages.uniqueId("wind");
        badDevice = Messages.uniqueId("wind");
        Instant at = Instant.now().minusSeconds(30);
        for (int i = 0; i < 3; i++) {
            standIns.send("sensor-wind", device, Messages.wind(device, at.plusSeconds(i), 5 + i));
        }
        standIns.send("sensor-wind", badDevice, Messages.wind(badDevice, at, -1));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                given().queryParam("device_id", device)
                                        .get("/topics/sensor-wind/messages")
                                        .path("items.size()")
                                        .equals(3));
    }

    @Test
    void shouldListTheDeviceTopicsWithTheirRates() {
        given().get("/topics")
                .then()
                .statusCode(200)
                .body("topic", containsInAnyOrder("panel", "sensor-light", "sensor-wind"))
                .body("find { it.topic == 'sensor-wind' }.messages_per_second", greaterThan(0f));
    }

    @Test
    void shouldPageTheMessagesOfOneDeviceInEventTimeOrder() {
        given().queryParam("device_id", device)
                .queryParam("limit", 2)
                .get("/topics/sensor-wind/messages")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("has_more", equalTo(true))
                .body("items", hasSize(2))
                .body("items[0].msg_value.wind_speed", equalTo(5.0f))
                .body("items[1].msg_value.wind_speed", equalTo(6.0f))
                .body("items.device_id", everyItem(equalTo(device)));
        given().queryParam("device_id", device)
                .queryParam("limit", 2)
                .queryParam("page", 1)
                .get("/topics/sensor-wind/messages")
                .then()
                .statusCode(200)
                .body("has_more", equalTo(false))
                .body("items", hasSize(1))
                .body("items[0].msg_value.wind_speed", equalTo(7.0f));
    }

    @Test
    void shouldFollowTheCursorOfEachPageToTheLastReading() {
        String first =
                given().queryParam("device_id", device)
                        .queryParam("limit", 2)
                        .get("/topics/sensor-wind/messages")
                        .then()
                        .statusCode(200)
                        .body("has_more", equalTo(true))
                        .extract()
                        .path("next");
        given().queryParam("device_id", device)
                .queryParam("limit", 2)
                .queryParam("after", first)
                .get("/topics/sensor-wind/messages")
                .then()
                .statusCode(200)
                .body("has_more", equalTo(false))
                .body("next", equalTo(null))
                .body("items", hasSize(1))
                .body("items[0].msg_value.wind_speed", equalTo(7.0f));
    }

    @Test
    void shouldSendDeepPagesToTheCursor() {
        given().queryParam("limit", 100)
                .queryParam("page", 101)
                .get("/topics/sensor-wind/messages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("follow the 'next' cursor"));
        given().queryParam("after", "not a cursor")
                .get("/topics/sensor-wind/messages")
                .then()
                .statusCode(400)
                .body("detail", containsString("'after' is not a cursor"));
    }

    @Test
    void shouldAsk401ForCredentialsOnEveryDataEndpointButNotOnHealth() {
        for (String path :
                new String[] {
                    "/topics",
                    "/topics/sensor-wind/stats",
                    "/topics/sensor-wind/alarms",
                    "/topics/sensor-wind/messages"
                }) {
            given().auth().none().get(path).then().statusCode(401);
            given().auth().preemptive().basic("viewer", "wrong").get(path).then().statusCode(401);
        }
        given().auth().none().get("/q/health/live").then().statusCode(200);
        given().auth()
                .preemptive()
                .basic("admin", StandInsResource.ADMIN_PASSWORD)
                .get("/topics")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldListAlarmsWithTheirReason() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("limit", 1000)
                                        .get("/topics/sensor-wind/alarms")
                                        .then()
                                        .statusCode(200)
                                        .body("device_id", hasItem(badDevice))
                                        .body(
                                                "find { it.device_id == '"
                                                        + badDevice
                                                        + "' }.text_alarm",
                                                containsString("wind_speed")));
    }

    @Test
    void shouldReAggregateStatsIntoCoarserBuckets() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("bucket", "1m")
                                        .get("/topics/sensor-wind/stats")
                                        .then()
                                        .statusCode(200)
                                        .body("bucket_seconds", everyItem(equalTo(60)))
                                        .body("messages.sum()", greaterThan(3)));
        given().queryParam("bucket", "10s")
                .queryParam("from", Instant.now().minus(Duration.ofMinutes(5)).toString())
                .queryParam("to", String.valueOf(Instant.now().toEpochMilli()))
                .get("/topics/sensor-wind/stats")
                .then()
                .statusCode(200)
                .body("bucket_seconds", everyItem(equalTo(10)));
    }

    @Test
    void shouldAnswer404ForATopicThatIsNotIngested() {
        given().get("/topics/unknown/stats")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("detail", containsString("unknown"));
    }

    @ParameterizedTest
    @CsvSource({
        "/topics/panel/stats?bucket=5m, bucket",
        "/topics/panel/stats?from=yesterday, from",
        "/topics/panel/stats?from=2026-11-28T12:00:00Z&to=2026-11-28T11:00:00Z, before",
        "/topics/panel/stats?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, longer",
        "/topics/panel/alarms?limit=0, limit",
        "/topics/panel/alarms?limit=many, limit",
        "/topics/panel/messages?page=-1, page",
        "/topics/panel/messages?to=13:00, to",
    })
    void shouldAnswer400WithTheReason(String url, String reason) {
        given().urlEncodingEnabled(false)
                .get(url)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Bad request parameter"))
                .body("detail", containsString(reason));
    }
}
