package io.controlautogeneracion.catalog;

import java.util.HashMap;
import java.util.Map;

/** Valid request bodies to start from; tests break one field at a time. */
final class Docs {
    private Docs() {}

    static Map<String, Object> client(String id, String postalCode) {
        Map<String, Object> c = new HashMap<>();
        c.put("client_id", id);
        c.put("address", "Calle Mayor 1");
        c.put("postal_code", postalCode);
        c.put("client_signature", "sig-" + id);
        c.put("open_date", "2024-01-15");
        c.put("client_type", "residential");
        c.put("name", "Ana");
        c.put("apell_1", "García");
        c.put("apell_2", "López");
        c.put("latitude", 40.4168);
        c.put("longitude", -3.7038);
        c.put("timezone", "Europe/Madrid");
        return c;
    }

    static Map<String, Object> panelElement(String model) {
        Map<String, Object> e = new HashMap<>();
        e.put("kind", "panel");
        e.put("model", model);
        e.put("manufacturer", "Solaria");
        e.put("power_cap", 400.0);
        e.put("efficiency", 0.205);
        e.put("area_m2", 1.95);
        e.put("price", 120.5);
        e.put("live_cicle", 25);
        e.put("thresholds", Map.of("min_production_ratio", 0.7));
        return e;
    }

    static Map<String, Object> windElement(String model) {
        Map<String, Object> e = new HashMap<>();
        e.put("kind", "wind");
        e.put("model", model);
        e.put("manufacturer", "Aire");
        e.put("live_cicle", 10);
        e.put("thresholds", Map.of("wind_warning_speed", 15.0, "wind_storm_speed", 25.0));
        return e;
    }

    static Map<String, Object> panel(String id, String model) {
        Map<String, Object> p = new HashMap<>();
        p.put("panel_id", id);
        p.put("model", model);
        p.put("manufacture_date", "2024-03-01");
        p.put("install_date", "2024-04-01");
        p.put("power_cap", 400.0);
        p.put("panel_price", 120.5);
        p.put("panel_sold", 180);
        p.put("live_cicle", 25);
        p.put("tilt", 30.0);
        p.put("azimuth", 180.0);
        return p;
    }

    static Map<String, Object> wind(String id, String model) {
        Map<String, Object> w = new HashMap<>();
        w.put("wind_id", id);
        w.put("model", model);
        w.put("install_date", "2024-04-01");
        w.put("sensor_price", 300);
        return w;
    }

    static Map<String, Object> rel(
            String kind, String deviceId, String clientId, String from, String to) {
        String prefix = kind.equals("panel") ? "panel" : kind.equals("light") ? "sensor" : "wind";
        Map<String, Object> r = new HashMap<>();
        r.put("client_id", clientId);
        r.put(kind + "_id", deviceId);
        r.put("init_" + prefix + "_date", from);
        if (to != null) {
            r.put("end_" + prefix + "_date", to);
        }
        return r;
    }

    static Map<String, Object> with(Map<String, Object> doc, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(doc);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}
