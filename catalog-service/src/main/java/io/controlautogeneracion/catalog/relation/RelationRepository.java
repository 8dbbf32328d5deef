package io.controlautogeneracion.catalog.relation;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.device.FleetQueries;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.catalog.store.KvStore;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * clients_rel: each device's relation periods in one history document, changed under CAS, so a
 * check for overlap and the write it guards are one atomic step, and a move (closing one period,
 * opening the next) is a single write.
 */
@ApplicationScoped
public class RelationRepository {
    private final KvStore store;
    private final IndexRepository indexes;

    public RelationRepository(KvStore store, IndexRepository indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    public Uni<Optional<Versioned<ClientRelHistory>>> history(DeviceKind kind, String deviceId) {
        return store.get(CatalogKeys.relations(kind, deviceId), ClientRelHistory.class);
    }

    /**
     * Adds a period; adding one that is already there changes nothing. 409 with the conflicting
     * period when it overlaps another; 422 when the client does not exist.
     */
    public Uni<Versioned<ClientRelHistory>> add(ClientRel rel) {
        DeviceKind kind = rel.kind();
        String id = rel.deviceId();
        return requireClient(rel.clientId())
                .chain(
                        () ->
                                indexes.add(
                                        CatalogKeys.clientDevicesIndex(rel.clientId()),
                                        FleetQueries.ref(kind, id)))
                .chain(
                        () ->
                                store.update(
                                        CatalogKeys.relations(kind, id),
                                        ClientRelHistory.class,
                                        h ->
                                                adding(
                                                        h.orElse(ClientRelHistory.empty(kind, id)),
                                                        rel)));
    }

    /** Ends the period open at {@code at} and opens one for {@code clientId} from {@code at}. */
    public Uni<Versioned<ClientRelHistory>> move(
            DeviceKind kind, String id, String clientId, Instant at) {
        return requireClient(clientId)
                .chain(
                        () ->
                                indexes.add(
                                        CatalogKeys.clientDevicesIndex(clientId),
                                        FleetQueries.ref(kind, id)))
                .chain(
                        () ->
                                store.update(
                                        CatalogKeys.relations(kind, id),
                                        ClientRelHistory.class,
                                        h -> moving(h, kind, id, clientId, at)));
    }

    static ClientRelHistory adding(ClientRelHistory history, ClientRel rel) {
        if (history.periods().contains(rel)) {
            return history;
        }
        history.conflictWith(rel)
                .ifPresent(
                        c -> {
                            throw CatalogException.conflict(
                                    "the relation overlaps an existing relation of "
                                            + rel.deviceId()
                                            + " with client "
                                            + c.clientId(),
                                    c);
                        });
        return history.with(rel);
    }

    private static ClientRelHistory moving(
            Optional<ClientRelHistory> found,
            DeviceKind kind,
            String id,
            String clientId,
            Instant at) {
        ClientRelHistory history =
                found.orElseThrow(() -> CatalogException.notFound(CatalogKeys.relations(kind, id)));
        ClientRel current =
                history.at(at)
                        .orElseThrow(
                                () ->
                                        CatalogException.conflict(
                                                "device " + id + " has no relation at " + at,
                                                history));
        if (current.clientId().equals(clientId)) {
            return history;
        }
        if (!current.validFrom().isBefore(at)) {
            throw CatalogException.conflict("a move must come after the relation starts", current);
        }
        ClientRel next = ClientRel.of(kind, id, clientId, at, current.validTo());
        return history.replacing(current, current.endingAt(at)).with(next);
    }

    /** 422 naming {@code client_id} when there is no such client. */
    public Uni<Void> requireClient(String clientId) {
        return store.get(CatalogKeys.client(clientId), Client.class)
                .invoke(
                        c -> {
                            if (c.isEmpty()) {
                                throw CatalogException.invalid(
                                        List.of(
                                                new Violation(
                                                        "client_id", "no client " + clientId)));
                            }
                        })
                .replaceWithVoid();
    }
}
