package io.controlautogeneracion.model.catalog;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the catalog says about one device through time: its relation history, the clients
 * those relations name, its own document and its element type; any of them may be absent (a missing
 * client leaves its period without client). Readings of any instant are enriched from it with the
 * one rule of {@link ClientRelHistory#stretches()}.
 */
public record DeviceHistory(
        DeviceKind kind,
        String deviceId,
        ClientRelHistory relations,
        Map<String, Client> clients,
        Device device,
        Element element) {

    public DeviceHistory {
        if (relations == null) {
            relations = ClientRelHistory.empty(kind, deviceId);
        }
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /** The enrichment of one stretch of time {@code [from, to)} (null bounds: unbounded). */
    public record Stretch(Instant from, Instant to, Enrichment enrichment) {
        public boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    /**
     * The enrichment through time, stretch by stretch, as {@link ClientRelHistory#stretches()} cuts
     * it; each stretch's enrichment has no {@code at}.
     */
    public List<Stretch> stretches() {
        List<Stretch> stretches = new ArrayList<>();
        for (RelationStretch s : relations.stretches()) {
            stretches.add(new Stretch(s.from(), s.to(), enrichment(s.rel(), null)));
        }
        return stretches;
    }

    /** The enrichment valid at {@code at}. */
    public Enrichment at(Instant at) {
        return enrichment(relations.at(at).orElse(null), at);
    }

    /** True when the catalog knows the device or any relation of it. */
    public boolean known() {
        return device != null || !relations.periods().isEmpty();
    }

    private Enrichment enrichment(ClientRel rel, Instant at) {
        Client client = rel == null ? null : clients.get(rel.clientId());
        return new Enrichment(kind, deviceId, at, rel, client, device, element);
    }
}
