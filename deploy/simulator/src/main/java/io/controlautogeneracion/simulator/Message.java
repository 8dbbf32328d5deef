package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;

/**
 * One device message as it goes to Kafka: topic, key (the device id) and the value's text, with its
 * event time and whether it was made malformed on purpose (and how).
 */
record Message(
        DeviceKind kind, String topic, String key, String value, long eventMs, Malformation bad) {

    boolean valid() {
        return bad == null;
    }
}
