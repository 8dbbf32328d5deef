package io.controlautogeneracion.catalog.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Maintains the index documents ({@code idx::...}) that listings read. */
@ApplicationScoped
public class IndexRepository {
    private final KvStore store;

    public IndexRepository(KvStore store) {
        this.store = store;
    }

    public Uni<Void> add(String indexKey, String id) {
        return store.update(indexKey, IdIndex.class, i -> i.orElse(new IdIndex(List.of())).plus(id))
                .replaceWithVoid();
    }

    public Uni<Void> remove(String indexKey, String id) {
        return store.update(
                        indexKey, IdIndex.class, i -> i.orElse(new IdIndex(List.of())).minus(id))
                .replaceWithVoid();
    }

    public Uni<List<String>> ids(String indexKey) {
        return store.get(indexKey, IdIndex.class)
                .map(i -> i.map(v -> v.value().ids()).orElse(List.of()));
    }
}
