package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.id;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(value = CouchbaseTestResource.class, restrictToAnnotatedClass = false)
class ClientResourceTest {

    @Test
    void shouldCreateReadUpdateAndDeleteAClient() {
        String id = id("C");
        String etag =
                admin().body(Docs.client(id, "28013"))
                        .post("/clients")
                        .then()
                        .statusCode(201)
                        .header("Location", notNullValue())
                        .header("ETag", notNullValue())
                        .body("client_id", equalTo(id))
                        .extract()
                        .header("ETag");

        viewer().get("/clients/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("apell_1", equalTo("García"))
                .body("open_date", equalTo("2024-01-15"));

        String newEtag =
                admin().header("If-Match", etag)
                        .body(Docs.with(Docs.client(id, "35001"), "timezone", "Atlantic/Canary"))
                        .put("/clients/{id}", id)
                        .then()
                        .statusCode(200)
                        .body("timezone", equalTo("Atlantic/Canary"))
                        .extract()
                        .header("ETag");
        assertDifferent(etag, newEtag);

        admin().header("If-Match", newEtag).delete("/clients/{id}", id).then().statusCode(204);
        viewer().get("/clients/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldRefuseAStaleVersionWith412() {
        String id = id("C");
        String etag =
                admin().body(Docs.client(id, "28013"))
                        .post("/clients")
                        .then()
                        .extract()
                        .header("ETag");
        admin().header("If-Match", etag)
                .body(Docs.with(Docs.client(id, "28013"), "name", "Eva"))
                .put("/clients/{id}", id)
                .then()
                .statusCode(200);

        admin().header("If-Match", etag)
                .body(Docs.with(Docs.client(id, "28013"), "name", "Luz"))
                .put("/clients/{id}", id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        admin().header("If-Match", etag).delete("/clients/{id}", id).then().statusCode(412);
        viewer().get("/clients/{id}", id).then().body("name", equalTo("Eva"));
    }

    @Test
    void shouldRefuseADuplicateWith409() {
        String id = id("C");
        admin().body(Docs.client(id, "28013")).post("/clients").then().statusCode(201);
        admin().body(Docs.client(id, "28013")).post("/clients").then().statusCode(409);
    }

    static Stream<Arguments> invalidClients() {
        Map<String, Object> ok = Docs.client("C-valid", "28013");
        return Stream.of(
                Arguments.of(Docs.with(ok, "client_id", "-bad id"), "client_id"),
                Arguments.of(Docs.with(ok, "name", null), "name"),
                Arguments.of(Docs.with(ok, "address", " "), "address"),
                Arguments.of(Docs.with(ok, "postal_code", "2801"), "postal_code"),
                Arguments.of(Docs.with(ok, "open_date", null), "open_date"),
                Arguments.of(Docs.with(ok, "end_date", "2023-12-31"), "end_date"),
                Arguments.of(Docs.with(ok, "latitude", 91.0), "latitude"),
                Arguments.of(Docs.with(ok, "longitude", -180.5), "longitude"),
                Arguments.of(Docs.with(ok, "longitude", null), "longitude"),
                Arguments.of(Docs.with(ok, "timezone", "Europe/Atlantis"), "timezone"),
                Arguments.of(Docs.with(ok, "client_type", "x".repeat(201)), "client_type"));
    }

    @ParameterizedTest
    @MethodSource("invalidClients")
    void shouldNameTheBrokenFieldWith422(Map<String, Object> client, String field) {
        admin().body(client)
                .post("/clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void shouldAnswer400ForMalformedInput() {
        admin().body("{\"client_id\": \"C-1\", \"open_date\": \"15/01/2024\"}")
                .post("/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        viewer().get("/clients/{id}", "bad id!").then().statusCode(400);
        viewer().queryParam("limit", 0).get("/clients").then().statusCode(400);
        admin().header("If-Match", "nonsense")
                .body(Docs.client("C-x", "28013"))
                .put("/clients/{id}", "C-x")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldListClientsInPages() {
        String a = "A-page-" + id("a");
        String b = "A-page-" + id("b");
        admin().body(Docs.client(a, "28013")).post("/clients").then().statusCode(201);
        admin().body(Docs.client(b, "28013")).post("/clients").then().statusCode(201);

        viewer().queryParam("limit", 1000)
                .get("/clients")
                .then()
                .statusCode(200)
                .body("items.client_id", hasItem(a))
                .body("items.client_id", hasItem(b));
        viewer().queryParam("limit", 1)
                .queryParam("offset", 0)
                .get("/clients")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("limit", equalTo(1));
    }

    private static void assertDifferent(String a, String b) {
        org.hamcrest.MatcherAssert.assertThat(b, not(equalTo(a)));
    }
}
