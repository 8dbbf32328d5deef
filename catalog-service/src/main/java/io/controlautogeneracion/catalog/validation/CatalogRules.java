package io.controlautogeneracion.catalog.validation;

import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.catalog.install.InstallRequest;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field rules of every catalog document: id formats, required fields, dates in order, coordinates
 * in range, a valid IANA zone, non-negative prices. Used by request validation and by bulk import.
 */
public final class CatalogRules {
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{5}$");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private CatalogRules() {}

    /** The violations of {@code document}, empty when it follows every rule. */
    public static List<Violation> check(Object document) {
        if (document instanceof Client c) {
            return client(c);
        } else if (document instanceof Element e) {
            return element(e);
        } else if (document instanceof Device d) {
            return device(d);
        } else if (document instanceof ClientRel r) {
            return relation(r);
        } else if (document instanceof InstallRequest i) {
            return install(i);
        }
        return document == null
                ? List.of(new Violation("body", "a document is required"))
                : List.of();
    }

    static List<Violation> client(Client c) {
        Rules r = new Rules();
        r.id("client_id", c.clientId());
        r.require("name", c.name()).text("name", c.name());
        r.text("apell_1", c.apell1()).text("apell_2", c.apell2());
        r.require("address", c.address()).text("address", c.address());
        r.text("client_signature", c.clientSignature()).text("client_type", c.clientType());
        if (c.postalCode() == null || !POSTAL_CODE.matcher(c.postalCode()).matches()) {
            r.add("postal_code", "must be a postal code of 5 digits");
        }
        r.require("open_date", c.openDate());
        r.notBefore("end_date", c.endDate(), "open_date", c.openDate());
        r.range("latitude", c.latitude(), -90, 90).range("longitude", c.longitude(), -180, 180);
        if ((c.latitude() == null) != (c.longitude() == null)) {
            r.add(
                    c.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude go together");
        }
        if (c.timezone() != null && !ZONES.contains(c.timezone())) {
            r.add("timezone", "must be an IANA time zone such as Europe/Madrid");
        }
        return r.violations();
    }

    static List<Violation> element(Element e) {
        Rules r = new Rules();
        r.require("kind", e.kind()).id("model", e.model());
        r.text("manufacturer", e.manufacturer());
        r.positive("power_cap", e.powerCap()).range("efficiency", e.efficiency(), 0, 1);
        r.positive("area_m2", e.areaM2()).nonNegative("price", e.price());
        r.range("live_cicle", e.liveCicle(), 1, 100);
        AlarmThresholds t = e.thresholds();
        if (t != null) {
            r.range("thresholds.min_production_ratio", t.minProductionRatio(), 0, 1);
            r.range("thresholds.lux_drop_ratio", t.luxDropRatio(), 0, 1);
            r.positive("thresholds.wind_warning_speed", t.windWarningSpeed());
            r.positive("thresholds.wind_storm_speed", t.windStormSpeed());
            if (t.windWarningSpeed() != null
                    && t.windStormSpeed() != null
                    && t.windStormSpeed() <= t.windWarningSpeed()) {
                r.add("thresholds.wind_storm_speed", "must be above wind_warning_speed");
            }
        }
        return r.violations();
    }

    static List<Violation> device(Device d) {
        Rules r = new Rules();
        r.id(d.kind().idField(), d.deviceId()).id("model", d.model());
        r.require("install_date", d.installDate());
        r.notBefore("install_date", d.installDate(), "manufacture_date", d.manufactureDate());
        r.notBefore("end_date", d.endDate(), "install_date", d.installDate());
        if (d instanceof Panel p) {
            r.positive("power_cap", p.powerCap()).nonNegative("panel_price", p.panelPrice());
            r.nonNegative("panel_sold", p.panelSold()).range("live_cicle", p.liveCicle(), 1, 100);
            r.range("tilt", p.tilt(), 0, 90).range("azimuth", p.azimuth(), 0, 360);
        } else if (d instanceof SensorLight l) {
            r.positive("power_cap", l.powerCap()).nonNegative("sensor_price", l.sensorPrice());
            r.range("live_cicle", l.liveCicle(), 1, 100);
        } else if (d instanceof SensorWind w) {
            r.nonNegative("sensor_price", w.sensorPrice());
            r.range("live_cicle", w.liveCicle(), 1, 100);
        }
        return r.violations();
    }

    static List<Violation> relation(ClientRel rel) {
        Rules r = new Rules();
        r.id("client_id", rel.clientId());
        if (rel.kind() == null) {
            r.add("panel_id", "exactly one of panel_id, light_id and wind_id is required");
            return r.violations();
        }
        String prefix =
                switch (rel.kind()) {
                    case PANEL -> "panel";
                    case LIGHT -> "sensor";
                    case WIND -> "wind";
                };
        r.id(rel.kind().idField(), rel.deviceId());
        r.require("init_" + prefix + "_date", rel.validFrom());
        if (rel.validFrom() != null
                && rel.validTo() != null
                && !rel.validTo().isAfter(rel.validFrom())) {
            r.add("end_" + prefix + "_date", "must be after init_" + prefix + "_date");
        }
        return r.violations();
    }

    static List<Violation> install(InstallRequest i) {
        Rules r = new Rules();
        r.id("client_id", i.clientId()).require("init_date", i.initDate());
        if (i.initDate() != null && i.endDate() != null && !i.endDate().isAfter(i.initDate())) {
            r.add("end_date", "must be after init_date");
        }
        if (i.device() == null) {
            r.add("panel", "exactly one of panel, sensor_light and sensor_wind is required");
        } else {
            r.addAll(device(i.device()));
        }
        return r.violations();
    }
}
