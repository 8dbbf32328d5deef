package io.controlautogeneracion.catalog.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.TreeSet;

/**
 * An index document: a sorted set of ids, which is how listings work with key-value access only.
 * Production with SQL++ would use a secondary index instead (see the module README).
 */
public record IdIndex(@JsonProperty("ids") List<String> ids) {
    public IdIndex {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public IdIndex plus(String id) {
        TreeSet<String> next = new TreeSet<>(ids);
        next.add(id);
        return new IdIndex(List.copyOf(next));
    }

    public IdIndex minus(String id) {
        return new IdIndex(ids.stream().filter(i -> !i.equals(id)).toList());
    }
}
