package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every relation one device has had, ordered by start, kept in a single document so that "who owned
 * this device at instant t" is one key-value read and a change of owner is one atomic write.
 * Periods never overlap.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientRelHistory(
        @JsonProperty("kind") @DeviceKindName DeviceKind kind,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("periods") List<ClientRel> periods) {

    public ClientRelHistory {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    public static ClientRelHistory empty(DeviceKind kind, String deviceId) {
        return new ClientRelHistory(kind, deviceId, List.of());
    }

    /** The relation valid at {@code at}, if any. */
    public Optional<ClientRel> at(Instant at) {
        return periods.stream().filter(r -> r.isValidAt(at)).findFirst();
    }

    /** The first period that overlaps {@code candidate}, if any. */
    public Optional<ClientRel> conflictWith(ClientRel candidate) {
        return periods.stream().filter(r -> r.overlaps(candidate)).findFirst();
    }

    /** A copy with {@code rel} added in start order; the caller checks overlap first. */
    public ClientRelHistory with(ClientRel rel) {
        List<ClientRel> next = new ArrayList<>(periods);
        next.add(rel);
        next.sort(Comparator.comparing(ClientRel::validFrom));
        return new ClientRelHistory(kind, deviceId, next);
    }

    /** A copy with {@code old} replaced by {@code replacement}, in start order. */
    public ClientRelHistory replacing(ClientRel old, ClientRel replacement) {
        List<ClientRel> next = new ArrayList<>(periods);
        next.remove(old);
        next.add(replacement);
        next.sort(Comparator.comparing(ClientRel::validFrom));
        return new ClientRelHistory(kind, deviceId, next);
    }
}
