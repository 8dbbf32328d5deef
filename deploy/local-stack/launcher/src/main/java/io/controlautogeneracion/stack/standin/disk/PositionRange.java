package io.controlautogeneracion.stack.standin.disk;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The document positions of a range of index entries, read from the store as a query consumes them
 * rather than gathered first: a query with a limit over an index entry that a million documents
 * share (a status every old document lacks) reads as many entries as it needs, not a million.
 * Iterating it as a plain {@link Iterable} still gathers every position, for the callers that need
 * them all.
 */
final class PositionRange implements Iterable<Long> {
    private final DiskBackend store;
    private final byte[] from;
    private final byte[] to;

    PositionRange(DiskBackend store, byte[] from, byte[] to) {
        this.store = store;
        this.from = from;
        this.to = to;
    }

    /** Each position once, in index order, until {@code visit} answers false. */
    void visit(LongPredicate visit) {
        Set<Long> seen = new HashSet<>();
        store.scanRange(
                from,
                to,
                (key, value) -> {
                    long position =
                            Keys.longOf(Arrays.copyOfRange(key, key.length - 8, key.length));
                    return !seen.add(position) || visit.test(position);
                });
    }

    @Override
    public Iterator<Long> iterator() {
        Set<Long> all = new LinkedHashSet<>();
        visit(all::add);
        return all.iterator();
    }
}
