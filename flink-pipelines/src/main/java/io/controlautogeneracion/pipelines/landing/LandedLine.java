package io.controlautogeneracion.pipelines.landing;

/**
 * One device message on its way to the landing files: its topic, Kafka key and event time, the
 * validated message as a JSON line, or the reason it is invalid (then {@code json} is null).
 */
public record LandedLine(
        String topic, String key, long eventTime, String json, String invalidReason) {

    public boolean valid() {
        return invalidReason == null;
    }
}
