package io.controlautogeneracion.catalog.element;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.device.FleetQueries;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.catalog.store.KvStore;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Element types (AddNewElement), keyed by kind and model, listed through a per-kind index. */
@ApplicationScoped
public class ElementRepository {
    private final KvStore store;
    private final IndexRepository indexes;

    public ElementRepository(KvStore store, IndexRepository indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    public Uni<Optional<Versioned<Element>>> get(DeviceKind kind, String model) {
        return store.get(CatalogKeys.element(kind, model), Element.class);
    }

    public Uni<List<Element>> list(DeviceKind kind) {
        return indexes.ids(CatalogKeys.elementIndex(kind))
                .chain(models -> FleetQueries.all(models, m -> get(kind, m)))
                .map(
                        found ->
                                found.stream()
                                        .flatMap(Optional::stream)
                                        .map(Versioned::value)
                                        .toList());
    }

    public Uni<Versioned<Element>> create(Element element) {
        return indexes.add(CatalogKeys.elementIndex(element.kind()), element.model())
                .chain(() -> store.insert(key(element), element))
                .map(cas -> new Versioned<>(element, cas));
    }

    public Uni<Versioned<Element>> update(Element element, long cas) {
        return store.require(key(element), Element.class)
                .chain(
                        current ->
                                store.replace(
                                        key(element), element, cas == 0 ? current.cas() : cas))
                .map(newCas -> new Versioned<>(element, newCas));
    }

    public Uni<Void> delete(DeviceKind kind, String model, long cas) {
        return store.remove(CatalogKeys.element(kind, model), cas)
                .chain(() -> indexes.remove(CatalogKeys.elementIndex(kind), model));
    }

    private static String key(Element element) {
        return CatalogKeys.element(element.kind(), element.model());
    }
}
