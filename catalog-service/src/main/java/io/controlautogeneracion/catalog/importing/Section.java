package io.controlautogeneracion.catalog.importing;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import java.util.Locale;

/** The parts of a fleet file, in the order they are imported (referenced documents first). */
public enum Section {
    ELEMENTS(Element.class),
    CLIENTS(Client.class),
    PANELS(Panel.class),
    SENSOR_LIGHTS(SensorLight.class),
    SENSOR_WINDS(SensorWind.class),
    CLIENTS_REL(ClientRel.class);

    private final Class<?> type;

    Section(Class<?> type) {
        this.type = type;
    }

    public Class<?> type() {
        return type;
    }

    /** The JSON field or URL segment: {@code elements}, {@code clients}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Section of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
