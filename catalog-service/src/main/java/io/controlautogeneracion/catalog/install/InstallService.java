package io.controlautogeneracion.catalog.install;

import io.controlautogeneracion.catalog.device.DeviceRepository;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.relation.RelationRepository;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * AddNewInstall without multi-document transactions. The relation history write is the commit
 * point: readers (enrichment, listings) only see a device at a client through it. Before it, the
 * device document is created (or found identical); if the relation write fails, a device document
 * this install created is removed again, so the caller never sees half an install. A retry of the
 * same request is idempotent.
 */
@ApplicationScoped
public class InstallService {
    private static final Logger LOG = Logger.getLogger(InstallService.class);

    private final DeviceRepository devices;
    private final RelationRepository relations;
    private final PendingInstalls pending;
    private final Clock clock;

    public InstallService(
            DeviceRepository devices,
            RelationRepository relations,
            PendingInstalls pending,
            Clock clock) {
        this.clock = clock;
        this.devices = devices;
        this.relations = relations;
        this.pending = pending;
    }

    public Uni<InstallResult> install(InstallRequest request) {
        Device device = request.device();
        ClientRel rel = request.relation();
        return relations
                .requireClient(rel.clientId())
                .chain(() -> relations.history(device.kind(), device.deviceId()))
                .chain(
                        before -> {
                            precheck(before, rel);
                            boolean alreadyRelated =
                                    before.map(h -> h.value().periods().contains(rel))
                                            .orElse(false);
                            return devices.get(device.kind(), device.deviceId())
                                    .chain(existing -> ensureDevice(existing, device))
                                    .chain(created -> commit(device, rel, created, alreadyRelated));
                        });
    }

    private Uni<InstallResult> commit(
            Device device, ClientRel rel, Optional<Created> created, boolean alreadyRelated) {
        return relations
                .add(rel)
                .onFailure()
                .call(e -> undo(device, created, e))
                .call(
                        () ->
                                created.map(c -> pending.close(c.journalEntry()))
                                        .orElse(Uni.createFrom().voidItem()))
                .map(
                        h ->
                                new InstallResult(
                                        created.isPresent() || !alreadyRelated, device, h.value()));
    }

    /** Fails fast (nothing written yet) when the period clashes with the device's history. */
    private static void precheck(Optional<Versioned<ClientRelHistory>> history, ClientRel rel) {
        history.map(Versioned::value)
                .filter(h -> !h.periods().contains(rel))
                .flatMap(h -> h.conflictWith(rel))
                .ifPresent(
                        c -> {
                            throw CatalogException.conflict(
                                    "the install overlaps a relation of "
                                            + rel.deviceId()
                                            + " with client "
                                            + c.clientId(),
                                    c);
                        });
    }

    /**
     * The device document this install created (journalled first, see {@link PendingInstalls}), or
     * empty when it was already there.
     */
    private Uni<Optional<Created>> ensureDevice(
            Optional<Versioned<Device>> existing, Device device) {
        if (existing.isEmpty()) {
            return pending.open(device, clock.instant())
                    .chain(
                            entry ->
                                    devices.create(device)
                                            .map(v -> Optional.of(new Created(v.cas(), entry))));
        }
        if (!existing.get().value().equals(device)) {
            throw CatalogException.conflict(
                    "device " + device.deviceId() + " exists with other data; update it first",
                    existing.get().value());
        }
        return Uni.createFrom().item(Optional.empty());
    }

    /**
     * Removes the device document this install created and closes its journal entry; if even that
     * fails, the entry stays for {@link PendingInstalls#sweep} and the original error is reported.
     */
    private Uni<Void> undo(Device device, Optional<Created> created, Throwable cause) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LOG.warnf(
                "install of %s %s failed (%s); removing the device document it created",
                device.kind(), device.deviceId(), cause.toString());
        return devices.remove(device.kind(), device.deviceId(), created.get().cas())
                .chain(() -> pending.close(created.get().journalEntry()))
                .onFailure()
                .invoke(e -> LOG.errorf(e, "could not undo the install of %s", device.deviceId()))
                .onFailure()
                .recoverWithNull();
    }

    private record Created(long cas, String journalEntry) {}
}
