package io.controlautogeneracion.ingest.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What became of the documents of one acknowledged insert, by position in the list: stored before
 * (a duplicate key: a redelivery, or this batch's own earlier attempt), or refused by the store for
 * a reason about that document alone. Every other position was stored by this insert.
 */
public record InsertOutcome(Set<Integer> duplicates, Map<Integer, String> refused) {

    public static InsertOutcome allStored() {
        return new InsertOutcome(Set.of(), Map.of());
    }

    /** This outcome followed by {@code later}, whose positions start at {@code offset}. */
    InsertOutcome then(InsertOutcome later, int offset) {
        Set<Integer> allDuplicates = new HashSet<>(duplicates);
        later.duplicates.forEach(i -> allDuplicates.add(i + offset));
        Map<Integer, String> allRefused = new HashMap<>(refused);
        later.refused.forEach((i, reason) -> allRefused.put(i + offset, reason));
        return new InsertOutcome(allDuplicates, allRefused);
    }
}
