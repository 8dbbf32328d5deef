package io.controlautogeneracion.catalog.demo;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the committed demo fleet ({@code src/main/resources/demo/fleet.json}) from a fixed
 * seed: 240 clients over ten Spanish postal codes (Peninsula and Canary Islands), four panel
 * models, a light sensor and an anemometer at every sixth client, and two devices that moved from
 * one client to another on 2026-06-01. Regenerate with {@code DemoFleetTest} (see its message).
 */
public final class DemoFleetGenerator {
    static final int CLIENTS = 240;
    static final String MOVE = "2026-06-01T00:00:00Z";

    private record Place(String postalCode, String city, double lat, double lon, String zone) {}

    private static final Place[] PLACES = {
        new Place("28013", "Madrid", 40.4168, -3.7038, "Europe/Madrid"),
        new Place("28040", "Madrid", 40.4470, -3.7240, "Europe/Madrid"),
        new Place("08001", "Barcelona", 41.3809, 2.1734, "Europe/Madrid"),
        new Place("41001", "Sevilla", 37.3891, -5.9845, "Europe/Madrid"),
        new Place("46001", "Valencia", 39.4699, -0.3763, "Europe/Madrid"),
        new Place("50001", "Zaragoza", 41.6488, -0.8891, "Europe/Madrid"),
        new Place("29001", "Málaga", 36.7213, -4.4214, "Europe/Madrid"),
        new Place("48001", "Bilbao", 43.2630, -2.9350, "Europe/Madrid"),
        new Place("35001", "Las Palmas de Gran Canaria", 28.1000, -15.4130, "Atlantic/Canary"),
        new Place("38001", "Santa Cruz de Tenerife", 28.4636, -16.2518, "Atlantic/Canary"),
    };
    private static final String[] NAMES = {
        "Ana", "Luis", "María", "Javier", "Carmen", "Pablo", "Lucía", "Sergio", "Elena", "Jorge",
        "Marta", "Diego", "Paula", "Raúl", "Sara", "Andrés"
    };
    private static final String[] SURNAMES = {
        "García",
        "Martínez",
        "López",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Martín",
        "Jiménez",
        "Ruiz",
        "Hernández",
        "Díaz",
        "Moreno",
        "Álvarez",
        "Romero",
        "Navarro",
        "Torres"
    };
    private static final String[] STREETS = {
        "Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de la Castellana",
        "Calle Real", "Avenida del Mar", "Calle de la Luna", "Plaza de España"
    };
    private static final Object[][] PANEL_MODELS = {
        {"SUN-400", "Solaria", 400.0, 0.205, 1.95, 120.0},
        {"SUN-450", "Solaria", 450.0, 0.212, 2.12, 135.0},
        {"ECO-330", "EcoVolt", 330.0, 0.190, 1.74, 95.0},
        {"BIFACIAL-540", "Iberdrola Solar", 540.0, 0.221, 2.44, 180.0},
    };

    private DemoFleetGenerator() {}

    public static ObjectNode generate() {
        Random random = new Random(20261128L);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode fleet = f.objectNode();
        ArrayNode elements = fleet.putArray("elements");
        ArrayNode clients = fleet.putArray("clients");
        ArrayNode panels = fleet.putArray("panels");
        ArrayNode lights = fleet.putArray("sensor_lights");
        ArrayNode winds = fleet.putArray("sensor_winds");
        ArrayNode rels = fleet.putArray("clients_rel");

        for (Object[] m : PANEL_MODELS) {
            ObjectNode e = elements.addObject().put("kind", "panel").put("model", (String) m[0]);
            e.put("manufacturer", (String) m[1]).put("power_cap", (Double) m[2]);
            e.put("efficiency", (Double) m[3])
                    .put("area_m2", (Double) m[4])
                    .put("price", (Double) m[5]);
            e.put("live_cicle", 25).putObject("thresholds").put("min_production_ratio", 0.7);
        }
        ObjectNode lux = elements.addObject().put("kind", "light").put("model", "LUX-200K");
        lux.put("manufacturer", "Luxmetrics")
                .put("power_cap", 400.0)
                .put("price", 85.0)
                .put("live_cicle", 10);
        lux.putObject("thresholds").put("lux_drop_ratio", 0.5);
        ObjectNode anemo = elements.addObject().put("kind", "wind").put("model", "ANEMO-2");
        anemo.put("manufacturer", "Aire Instruments").put("price", 240.0).put("live_cicle", 12);
        anemo.putObject("thresholds").put("wind_warning_speed", 15.0).put("wind_storm_speed", 25.0);

        int panelNo = 0;
        int sensorNo = 0;
        for (int i = 1; i <= CLIENTS; i++) {
            Place place = PLACES[(i - 1) % PLACES.length];
            String clientId = String.format(Locale.ROOT, "C-%04d", i);
            LocalDate open = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900));
            ObjectNode c = clients.addObject().put("client_id", clientId);
            c.put(
                    "address",
                    STREETS[random.nextInt(STREETS.length)]
                            + " "
                            + (1 + random.nextInt(120))
                            + ", "
                            + place.city());
            c.put("postal_code", place.postalCode())
                    .put(
                            "client_signature",
                            String.format(Locale.ROOT, "%08dK", 10_000_000 + i * 7919));
            c.put("open_date", open.toString())
                    .put("client_type", i % 7 == 0 ? "business" : "residential");
            c.put("name", NAMES[random.nextInt(NAMES.length)]);
            c.put("apell_1", SURNAMES[random.nextInt(SURNAMES.length)])
                    .put("apell_2", SURNAMES[random.nextInt(SURNAMES.length)]);
            c.put("latitude", round(place.lat() + (random.nextDouble() - 0.5) * 0.04));
            c.put("longitude", round(place.lon() + (random.nextDouble() - 0.5) * 0.04));
            c.put("timezone", place.zone());

            LocalDate installed = open.plusDays(10 + random.nextInt(60));
            int count = 1 + random.nextInt(3);
            Object[] model = PANEL_MODELS[random.nextInt(PANEL_MODELS.length)];
            for (int k = 0; k < count; k++) {
                String panelId = String.format(Locale.ROOT, "P-%05d", ++panelNo);
                ObjectNode p =
                        panels.addObject().put("panel_id", panelId).put("model", (String) model[0]);
                p.put("manufacture_date", installed.minusDays(30 + random.nextInt(200)).toString());
                p.put("install_date", installed.toString()).put("power_cap", (Double) model[2]);
                p.put("panel_price", (Double) model[5])
                        .put("panel_sold", round((Double) model[5] * 1.45));
                p.put("live_cicle", 25)
                        .put("tilt", 20.0 + random.nextInt(16))
                        .put("azimuth", 160.0 + random.nextInt(41));
                relation(rels, "panel", panelId, clientId, installed, null);
            }
            if (i % 6 == 0) {
                sensorNo++;
                String lightId = String.format(Locale.ROOT, "L-%04d", sensorNo);
                String windId = String.format(Locale.ROOT, "W-%04d", sensorNo);
                lights.addObject()
                        .put("light_id", lightId)
                        .put("model", "LUX-200K")
                        .put("install_date", installed.toString())
                        .put("power_cap", 400.0)
                        .put("sensor_price", 85.0)
                        .put("live_cicle", 10);
                winds.addObject()
                        .put("wind_id", windId)
                        .put("model", "ANEMO-2")
                        .put("install_date", installed.toString())
                        .put("sensor_price", 240.0)
                        .put("live_cicle", 12);
                relation(rels, "light", lightId, clientId, installed, null);
                relation(rels, "wind", windId, clientId, installed, null);
            }
        }
        moveFirst(rels, "panel", "P-00001", "C-0002");
        moveFirst(rels, "wind", "W-0001", "C-0012");
        return fleet;
    }

    private static void relation(
            ArrayNode rels, String kind, String id, String clientId, LocalDate from, String to) {
        String prefix = kind.equals("panel") ? "panel" : kind.equals("light") ? "sensor" : "wind";
        ObjectNode r = rels.addObject().put("client_id", clientId).put(kind + "_id", id);
        r.put("init_" + prefix + "_date", from + "T00:00:00Z");
        if (to != null) {
            r.put("end_" + prefix + "_date", to);
        }
    }

    /**
     * Ends the device's relation at {@link #MOVE} and relates it to {@code toClient} from then on.
     */
    private static void moveFirst(ArrayNode rels, String kind, String id, String toClient) {
        String prefix = kind.equals("panel") ? "panel" : "wind";
        for (var node : rels) {
            if (id.equals(node.path(kind + "_id").asText(null))) {
                ((ObjectNode) node).put("end_" + prefix + "_date", MOVE);
                break;
            }
        }
        rels.addObject()
                .put("client_id", toClient)
                .put(kind + "_id", id)
                .put("init_" + prefix + "_date", MOVE);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static String render() throws IOException {
        return JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(generate())
                + "\n";
    }

    /** Writes the fleet file; argument: the path (default the module's resource). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/fleet.json");
        Files.writeString(out, render());
    }
}
