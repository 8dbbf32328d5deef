package io.controlautogeneracion.model.reading;

/** The three kinds of device the system monitors, with their default Kafka topic and id field. */
public enum DeviceKind {
    PANEL("panel", "panel_id"),
    LIGHT("sensor-light", "light_id"),
    WIND("sensor-wind", "wind_id");

    private final String defaultTopic;
    private final String idField;

    DeviceKind(String defaultTopic, String idField) {
        this.defaultTopic = defaultTopic;
        this.idField = idField;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    public String idField() {
        return idField;
    }
}
