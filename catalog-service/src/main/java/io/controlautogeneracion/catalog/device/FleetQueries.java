package io.controlautogeneracion.catalog.device;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.catalog.store.KvStore;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Listings built from index documents and key-value reads only: a client's devices at an instant,
 * and the devices of every client in a postal code. With SQL++ these are one indexed query each
 * (see the module README).
 */
@ApplicationScoped
public class FleetQueries {
    private final KvStore store;
    private final IndexRepository indexes;

    public FleetQueries(KvStore store, IndexRepository indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    /** The devices related to {@code clientId} at {@code at}, in key order. */
    public Uni<List<InstalledDevice>> devicesOf(String clientId, Instant at) {
        return indexes.ids(CatalogKeys.clientDevicesIndex(clientId))
                .chain(refs -> all(refs, ref -> deviceAt(ref, clientId, at)))
                .map(FleetQueries::present);
    }

    /** The devices of the clients of one postal code at {@code at}. */
    public Uni<List<InstalledDevice>> devicesInPostalCode(String postalCode, Instant at) {
        return indexes.ids(CatalogKeys.postalCodeIndex(postalCode))
                .chain(clients -> all(clients, c -> devicesOf(c, at)))
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** Reads every id's documents concurrently; an empty list stays empty. */
    public static <I, O> Uni<List<O>> all(List<I> ids, Function<I, Uni<O>> read) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<O>> reads = ids.stream().map(read).toList();
        return Uni.join().all(reads).andFailFast();
    }

    /** A device reference in a client index: {@code <kind>::<id>}. */
    public static String ref(DeviceKind kind, String deviceId) {
        return CatalogKeys.device(kind, deviceId);
    }

    private Uni<Optional<InstalledDevice>> deviceAt(String ref, String clientId, Instant at) {
        String[] parts = ref.split("::", 2);
        DeviceKind kind = DeviceKinds.parse(parts[0]);
        String id = parts[1];
        return store.get(CatalogKeys.relations(kind, id), ClientRelHistory.class)
                .chain(
                        history -> {
                            Optional<ClientRel> rel =
                                    history.map(Versioned::value)
                                            .flatMap(h -> h.at(at))
                                            .filter(r -> r.clientId().equals(clientId));
                            if (rel.isEmpty()) {
                                return Uni.createFrom().item(Optional.empty());
                            }
                            return store.get(ref, CatalogClient.deviceType(kind))
                                    .map(
                                            d ->
                                                    d.map(
                                                            v ->
                                                                    new InstalledDevice(
                                                                            kind, id, rel.get(),
                                                                            v.value())));
                        });
    }

    private static List<InstalledDevice> present(Collection<Optional<InstalledDevice>> found) {
        List<InstalledDevice> out = new ArrayList<>();
        found.forEach(o -> o.ifPresent(out::add));
        out.sort(Comparator.comparing(d -> ref(d.kind(), d.deviceId())));
        return out;
    }
}
