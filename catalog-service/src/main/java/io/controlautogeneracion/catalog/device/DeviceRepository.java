package io.controlautogeneracion.catalog.device;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.catalog.store.KvStore;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Installed panels, light sensors and anemometers; a device names an existing element model. */
@ApplicationScoped
public class DeviceRepository {
    private final KvStore store;

    public DeviceRepository(KvStore store) {
        this.store = store;
    }

    public Uni<Optional<Versioned<Device>>> get(DeviceKind kind, String id) {
        return store.get(CatalogKeys.device(kind, id), CatalogClient.deviceType(kind))
                .map(o -> o.map(v -> new Versioned<>(v.value(), v.cas())));
    }

    public Uni<Versioned<Device>> create(Device device) {
        return requireElement(device)
                .chain(() -> store.insert(key(device), device))
                .map(cas -> new Versioned<>(device, cas));
    }

    public Uni<Versioned<Device>> update(Device device, long cas) {
        return requireElement(device)
                .chain(() -> store.require(key(device), CatalogClient.deviceType(device.kind())))
                .chain(
                        current ->
                                store.replace(key(device), device, cas == 0 ? current.cas() : cas))
                .map(newCas -> new Versioned<>(device, newCas));
    }

    /** Removes a device that never had a client (a related device keeps its history). */
    public Uni<Void> delete(DeviceKind kind, String id, long cas) {
        return store.get(CatalogKeys.relations(kind, id), ClientRelHistory.class)
                .chain(
                        history -> {
                            if (history.isPresent() && !history.get().value().periods().isEmpty()) {
                                throw CatalogException.conflict(
                                        "device " + id + " has relations; end them instead",
                                        history.get().value());
                            }
                            return remove(kind, id, cas);
                        });
    }

    /** Removes the device document whatever its relations (used to undo a failed install). */
    public Uni<Void> remove(DeviceKind kind, String id, long cas) {
        return store.remove(CatalogKeys.device(kind, id), cas);
    }

    private Uni<Void> requireElement(Device device) {
        return store.get(CatalogKeys.element(device.kind(), device.model()), Element.class)
                .invoke(
                        e -> {
                            if (e.isEmpty()) {
                                throw CatalogException.invalid(
                                        List.of(
                                                new Violation(
                                                        "model",
                                                        "no element "
                                                                + device.model()
                                                                + " of this kind; add it first")));
                            }
                        })
                .replaceWithVoid();
    }

    private static String key(Device device) {
        return CatalogKeys.device(device.kind(), device.deviceId());
    }
}
