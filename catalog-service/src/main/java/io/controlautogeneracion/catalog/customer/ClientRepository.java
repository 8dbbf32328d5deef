package io.controlautogeneracion.catalog.customer;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.catalog.store.KvStore;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.Client;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Client documents and the indexes that list them (all clients, clients by postal code). Indexes
 * are written before the document they point at, so a listing may skip an id whose document is
 * missing but never misses a client that exists.
 */
@ApplicationScoped
public class ClientRepository {
    private final KvStore store;
    private final IndexRepository indexes;

    public ClientRepository(KvStore store, IndexRepository indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    public Uni<Optional<Versioned<Client>>> get(String id) {
        return store.get(CatalogKeys.client(id), Client.class);
    }

    public Uni<Versioned<Client>> create(Client client) {
        String id = client.clientId();
        return indexes.add(CatalogKeys.clientIndex(), id)
                .chain(() -> indexes.add(CatalogKeys.postalCodeIndex(client.postalCode()), id))
                .chain(() -> store.insert(CatalogKeys.client(id), client))
                .map(cas -> new Versioned<>(client, cas));
    }

    public Uni<Versioned<Client>> update(Client client, long cas) {
        String key = CatalogKeys.client(client.clientId());
        return store.require(key, Client.class)
                .chain(
                        current ->
                                indexes.add(
                                                CatalogKeys.postalCodeIndex(client.postalCode()),
                                                client.clientId())
                                        .chain(
                                                () ->
                                                        store.replace(
                                                                key,
                                                                client,
                                                                cas == 0 ? current.cas() : cas))
                                        .call(() -> leavePostalCode(current.value(), client)))
                .map(newCas -> new Versioned<>(client, newCas));
    }

    /** Deletes a client that never had a device (relations keep their history). */
    public Uni<Void> delete(String id, long cas) {
        return indexes.ids(CatalogKeys.clientDevicesIndex(id))
                .chain(
                        devices -> {
                            if (!devices.isEmpty()) {
                                throw CatalogException.conflict(
                                        "client " + id + " has device relations; end them instead",
                                        devices);
                            }
                            return store.require(CatalogKeys.client(id), Client.class);
                        })
                .chain(
                        current ->
                                store.remove(CatalogKeys.client(id), cas)
                                        .chain(() -> indexes.remove(CatalogKeys.clientIndex(), id))
                                        .chain(
                                                () ->
                                                        indexes.remove(
                                                                CatalogKeys.postalCodeIndex(
                                                                        current.value()
                                                                                .postalCode()),
                                                                id)));
    }

    private Uni<Void> leavePostalCode(Client before, Client after) {
        if (before.postalCode().equals(after.postalCode())) {
            return Uni.createFrom().voidItem();
        }
        return indexes.remove(CatalogKeys.postalCodeIndex(before.postalCode()), before.clientId());
    }
}
