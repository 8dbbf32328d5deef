package io.controlautogeneracion.ingest.enrich;

/**
 * A device as ingest-service stores it: the topic its readings come from and its id. A cache key
 * looked up per device of every batch: equality and hash written out, cheaper than a record's
 * generated ones under the client compiler the service runs with.
 */
public record DeviceKey(String topic, String deviceId) {

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceKey other
                && deviceId.equals(other.deviceId)
                && topic.equals(other.topic);
    }

    @Override
    public int hashCode() {
        return 31 * topic.hashCode() + deviceId.hashCode();
    }

    /** The {@code _id} of its entry in {@code topic_catalog}. */
    public String id() {
        return topic + "/" + deviceId;
    }
}
