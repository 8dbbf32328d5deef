package io.controlautogeneracion.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Request builders for the two test users, and ids unique to one test. */
final class Api {
    private Api() {}

    static RequestSpecification admin() {
        return given().auth()
                .preemptive()
                .basic("admin", CouchbaseTestResource.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    static RequestSpecification viewer() {
        return given().auth()
                .preemptive()
                .basic("viewer", CouchbaseTestResource.VIEWER_PASSWORD)
                .contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A fresh id such as {@code C-1a2b3c4d}. */
    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
