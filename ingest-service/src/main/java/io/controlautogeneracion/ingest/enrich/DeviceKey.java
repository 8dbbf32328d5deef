package io.controlautogeneracion.ingest.enrich;

/** A device as ingest-service stores it: the topic its readings come from and its id. */
public record DeviceKey(String topic, String deviceId) {

    /** The {@code _id} of its entry in {@code topic_catalog}. */
    public String id() {
        return topic + "/" + deviceId;
    }
}
