package io.controlautogeneracion.model.catalog;

import java.time.Instant;

/**
 * A stretch of time {@code [from, to)} in which one relation of a device is valid, or none ({@code
 * rel} null: the device has no owner then). A null {@code from} is the beginning of time, a null
 * {@code to} its end. See {@link ClientRelHistory#stretches()}.
 */
public record RelationStretch(Instant from, Instant to, ClientRel rel) {

    public boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }
}
