package io.controlautogeneracion.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldBeReadyWhileCouchbaseAnswers() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("couchbase"));
    }

    @Test
    void shouldPublishPrometheusMetricsAndTheOpenApiDocument() {
        given().get("/elements/panel/NONE");
        Api.viewer().get("/enrichment/panel/P-metrics");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("catalog_cache_misses_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/installs"));
    }
}
