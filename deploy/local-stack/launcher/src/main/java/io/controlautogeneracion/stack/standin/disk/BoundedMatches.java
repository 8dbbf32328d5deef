package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The matches of a query as a scan finds them, holding no more than the query can return: with a
 * limit, the first {@code skip + limit} in scan order when the query has no sort (the scan then
 * stops), or the {@code skip + limit} first in sort order, kept in a bounded heap. Without a limit,
 * every match. A query over a million documents with {@code limit(200)} thus needs the heap of 200.
 */
final class BoundedMatches {
    private final int wanted;
    private final Comparator<Document> order;
    private final List<Document> inScanOrder = new ArrayList<>();
    private final PriorityQueue<Document> best;

    /**
     * @param orderBy the query's sort, null or empty for none (natural order is the scan's)
     * @param skip documents skipped before the result
     * @param limit the result's size, 0 for no limit (negative: MongoDB's single-batch limit)
     */
    BoundedMatches(Document orderBy, int skip, int limit) {
        int size = Math.abs(limit);
        this.wanted = size == 0 ? 0 : Math.max(0, skip) + size;
        boolean sorted = orderBy != null && !orderBy.isEmpty();
        this.order = sorted ? new DocumentComparator(orderBy) : null;
        this.best = sorted && wanted > 0 ? new PriorityQueue<>(wanted, order.reversed()) : null;
    }

    /** Takes one match; false when the scan can stop, nothing after it can be in the result. */
    boolean add(Document match) {
        if (best != null) {
            if (best.size() < wanted) {
                best.add(match);
            } else if (order.compare(match, best.peek()) < 0) {
                best.poll();
                best.add(match);
            }
            return true;
        }
        inScanOrder.add(match);
        return wanted == 0 || order != null || inScanOrder.size() < wanted;
    }

    /** Whether a sorted, limited result holds as many matches as it can return. */
    boolean isFull() {
        return best != null && best.size() == wanted;
    }

    /** The last match of a sorted result in sort order: the one a better match would replace. */
    Document last() {
        return best.peek();
    }

    Stream<Document> stream() {
        return best != null ? best.stream() : inScanOrder.stream();
    }
}
