package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;
import static io.controlautogeneracion.catalog.Api.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Without {@code at}, the catalog answers for the service's clock: placed one millisecond before a
 * device's move to another client at midnight, then at the move, it answers with the owner of that
 * instant. In its own class: it swaps the clock with {@link QuarkusMock}, which needs the
 * application in the test's JVM.
 */
@QuarkusTest
class ClockEdgeTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-07-01T00:00:00Z");

    /** A clock a test moves by hand. */
    static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldAnswerForTheClocksNowOnEitherSideOfAMoveAtMidnight() {
        String a = Fleet.client("28013");
        String b = Fleet.client("35001");
        String panel = Fleet.panel(Fleet.panelModel());
        admin().body(Docs.rel("panel", panel, a, "2026-01-01T00:00:00Z", MIDNIGHT.toString()))
                .post("/clients_rel")
                .then()
                .statusCode(201);
        admin().body(Docs.rel("panel", panel, b, MIDNIGHT.toString(), null))
                .post("/clients_rel")
                .then()
                .statusCode(201);

        SetClock clock = new SetClock(MIDNIGHT.minusMillis(1));
        QuarkusMock.installMockForType(clock, Clock.class);
        viewer().get("/enrichment/panel/{id}", panel).then().body("client.client_id", equalTo(a));
        viewer().get("/clients/{id}/devices", a).then().body("device_id", contains(panel));
        viewer().get("/clients/{id}/devices", b).then().body("device_id", empty());

        clock.set(MIDNIGHT);
        viewer().get("/enrichment/panel/{id}", panel).then().body("client.client_id", equalTo(b));
        viewer().get("/clients/{id}/devices", a).then().body("device_id", empty());
        viewer().get("/clients/{id}/devices", b).then().body("device_id", contains(panel));
        viewer().queryParam("postal_code", "35001")
                .get("/devices")
                .then()
                .body("device_id", contains(panel));
    }
}
