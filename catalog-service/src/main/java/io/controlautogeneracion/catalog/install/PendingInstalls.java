package io.controlautogeneracion.catalog.install;

import io.controlautogeneracion.catalog.device.DeviceRepository;
import io.controlautogeneracion.catalog.device.FleetQueries;
import io.controlautogeneracion.catalog.relation.RelationRepository;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The journal of installs between "device document created" and "relation committed" (document
 * {@code idx::pending-installs}, entries {@code <kind>::<id>@<epoch ms>}). An install opens an
 * entry before it creates the device and closes it once the relation is written or the device
 * removed again; {@link #sweep} finishes what a crashed instance left: a device whose relation
 * never came is removed.
 */
@ApplicationScoped
public class PendingInstalls {
    static final String KEY = "idx::pending-installs";

    private final IndexRepository indexes;
    private final DeviceRepository devices;
    private final RelationRepository relations;

    public PendingInstalls(
            IndexRepository indexes, DeviceRepository devices, RelationRepository relations) {
        this.indexes = indexes;
        this.devices = devices;
        this.relations = relations;
    }

    /** Records that {@code device} is about to be created; returns the entry to close later. */
    public Uni<String> open(Device device, Instant now) {
        String entry =
                FleetQueries.ref(device.kind(), device.deviceId()) + "@" + now.toEpochMilli();
        return indexes.add(KEY, entry).replaceWith(entry);
    }

    public Uni<Void> close(String entry) {
        return indexes.remove(KEY, entry);
    }

    /**
     * Resolves the entries older than {@code grace} (younger ones may belong to an install still
     * running elsewhere); returns how many devices it removed.
     */
    public Uni<Integer> sweep(Instant now, Duration grace) {
        return indexes.ids(KEY)
                .chain(
                        entries -> {
                            List<String> stale =
                                    entries.stream()
                                            .filter(e -> startedAt(e).plus(grace).isBefore(now))
                                            .toList();
                            return FleetQueries.all(stale, this::resolve);
                        })
                .map(removed -> (int) removed.stream().filter(Boolean::booleanValue).count());
    }

    /** Removes the device unless its relation was committed, then closes the entry. */
    private Uni<Boolean> resolve(String entry) {
        String ref = entry.substring(0, entry.lastIndexOf('@'));
        String[] parts = ref.split("::", 2);
        DeviceKind kind = DeviceKinds.parse(parts[0]);
        String id = parts[1];
        return relations
                .history(kind, id)
                .chain(
                        h -> {
                            boolean committed =
                                    h.isPresent() && !h.get().value().periods().isEmpty();
                            if (committed) {
                                return Uni.createFrom().item(false);
                            }
                            return devices.get(kind, id)
                                    .chain(
                                            d ->
                                                    d.isEmpty()
                                                            ? Uni.createFrom().item(false)
                                                            : devices.remove(
                                                                            kind, id, d.get().cas())
                                                                    .replaceWith(true));
                        })
                .call(() -> close(entry));
    }

    private static Instant startedAt(String entry) {
        return Instant.ofEpochMilli(Long.parseLong(entry.substring(entry.lastIndexOf('@') + 1)));
    }
}
