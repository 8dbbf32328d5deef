package io.controlautogeneracion.catalog;

import static io.controlautogeneracion.catalog.Api.admin;

/** Creates the documents a test needs through the API. */
final class Fleet {
    private Fleet() {}

    static String client(String postalCode) {
        String id = Api.id("C");
        admin().body(Docs.client(id, postalCode)).post("/clients").then().statusCode(201);
        return id;
    }

    static String panelModel() {
        String model = Api.id("SUN");
        admin().body(Docs.panelElement(model)).post("/elements").then().statusCode(201);
        return model;
    }

    static String windModel() {
        String model = Api.id("ANEMO");
        admin().body(Docs.windElement(model)).post("/elements").then().statusCode(201);
        return model;
    }

    static String panel(String model) {
        String id = Api.id("P");
        admin().body(Docs.panel(id, model)).post("/devices/panel").then().statusCode(201);
        return id;
    }
}
