package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    /** The relation valid at {@code at}, if any: the one rule, see {@link #stretches()}. */
    public Optional<ClientRel> at(Instant at) {
        for (RelationStretch stretch : stretches()) {
            if (stretch.contains(at)) {
                return Optional.ofNullable(stretch.rel());
            }
        }
        return Optional.empty();
    }

    /**
     * "The relation valid at event time" for every instant at once: consecutive stretches from the
     * beginning of time to its end, each with the relation valid in it, or none between periods.
     * Each period is half-open, {@code [init, end)}, so at a move the new owner's period starts at
     * the instant the old one's ends. Periods without a start, or that end before they start, are
     * left out; periods never overlap, and should they, the later start wins from there on.
     * Adjacent stretches never carry the same relation (or both none).
     */
    public List<RelationStretch> stretches() {
        List<Instant> starts = new ArrayList<>();
        List<ClientRel> rels = new ArrayList<>();
        starts.add(null);
        rels.add(null);
        for (ClientRel rel : periods) {
            Instant from = rel.validFrom();
            Instant to = rel.validTo();
            if (from == null || (to != null && !to.isAfter(from))) {
                continue;
            }
            mark(starts, rels, from, rel);
            if (to != null) {
                mark(starts, rels, to, null);
            }
        }
        List<RelationStretch> stretches = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : null;
            stretches.add(new RelationStretch(starts.get(i), end, rels.get(i)));
        }
        return stretches;
    }

    /** Starts a stretch of {@code rel} (null: no owner) at {@code at}, cutting any later ones. */
    private static void mark(
            List<Instant> starts, List<ClientRel> rels, Instant at, ClientRel rel) {
        int last = starts.size() - 1;
        while (last > 0 && !starts.get(last).isBefore(at)) {
            starts.remove(last);
            rels.remove(last);
            last--;
        }
        if (Objects.equals(rels.get(last), rel)) {
            return;
        }
        starts.add(at);
        rels.add(rel);
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
