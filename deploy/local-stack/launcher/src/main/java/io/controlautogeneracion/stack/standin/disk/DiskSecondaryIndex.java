package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A non-unique index of a {@link DiskCollection} (mongo-java-server's own backends ignore them):
 * one key per document and key value, the index's prefix, the {@linkplain OrderedValues ordered
 * encoding} of the values and the position. It answers a query with the positions of a key range:
 * equality on the first keys, then equality or a range on the next one. Those positions are
 * candidates: the collection still applies the whole query to each document, so a condition the
 * index does not understand (another operator, a field it does not hold) is simply left to that
 * match, and the answer is always the same as without the index, only faster.
 */
final class DiskSecondaryIndex extends Index<Long> {
    private final DiskBackend store;
    private final long collectionId;
    private final byte[] prefix;
    private final Pending pending;

    /** While its entries are being built from the stored documents: it answers no query. */
    private volatile boolean building;

    private volatile boolean dropped;

    DiskSecondaryIndex(
            DiskBackend store,
            long collectionId,
            String name,
            List<IndexKey> keys,
            boolean sparse) {
        super(name, keys, sparse);
        this.store = store;
        this.collectionId = collectionId;
        this.prefix = Keys.secondaryPrefix(collectionId, name);
        this.pending = store.pending(collectionId);
    }

    private byte[] valuesPrefix(KeyValue keyValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(prefix);
        for (Object value : keyValue) {
            OrderedValues.write(out, value);
        }
        return out.toByteArray();
    }

    private boolean skipped(Document document) {
        return isSparse()
                && keys().stream()
                        .allMatch(
                                key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    // ---- maintenance: the entries join the collection's pending batch ----

    @Override
    public void checkAdd(Document document, MongoCollection<Long> collection) {
        // not unique
    }

    @Override
    public void add(Document document, Long position, MongoCollection<Long> collection) {
        if (skipped(document)) {
            return;
        }
        for (KeyValue keyValue : getKeyValues(document)) {
            pending.put(Keys.concat(valuesPrefix(keyValue), Keys.longBytes(position)), new byte[0]);
        }
    }

    @Override
    public Long remove(Document document) {
        if (skipped(document)) {
            return null;
        }
        Long position = findPosition(document);
        if (position == null) {
            return null;
        }
        for (KeyValue keyValue : getKeyValues(document)) {
            pending.delete(Keys.concat(valuesPrefix(keyValue), Keys.longBytes(position)));
        }
        return position;
    }

    /** Not asked: the unique indexes find a document's position for an update. */
    @Override
    public Long getPosition(Document document) {
        return null;
    }

    /** The position of this very document (same _id) among the entries of its key values. */
    private Long findPosition(Document document) {
        Object id = document.get("_id");
        for (KeyValue keyValue : getKeyValues(document)) {
            byte[] values = valuesPrefix(keyValue);
            List<Long> candidates = new ArrayList<>();
            store.scan(
                    values,
                    (key, value) -> {
                        if (key.length == values.length + 8) {
                            candidates.add(
                                    Keys.longOf(
                                            java.util.Arrays.copyOfRange(
                                                    key, values.length, key.length)));
                        }
                        return true;
                    });
            for (Long candidate : candidates) {
                byte[] stored = store.get(Keys.document(collectionId, candidate));
                if (stored != null && Objects.equals(Bson.decode(stored).get("_id"), id)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    @Override
    public void checkUpdate(
            Document oldDocument, Document newDocument, MongoCollection<Long> collection) {
        // not unique
    }

    @Override
    public void updateInPlace(
            Document oldDocument,
            Document newDocument,
            Long position,
            MongoCollection<Long> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        if (!skipped(oldDocument)) {
            for (KeyValue keyValue : getKeyValues(oldDocument)) {
                pending.delete(Keys.concat(valuesPrefix(keyValue), Keys.longBytes(position)));
            }
        }
        add(newDocument, position, collection);
    }

    // ---- queries ----

    /**
     * How narrowly this index can select the query's documents: two points per leading key the
     * query fixes, one more for a bound on the key after them; -1 when it cannot select at all. A
     * collection picks the index with the most points, so a query on a topic and a status goes to
     * the (status, topic) index, not to one that only knows the topic.
     */
    int selectivity(Document query) {
        int points = 0;
        for (QueryConditions.Field c : leading(query)) {
            points += c.equal.isEmpty() ? 1 : 2;
        }
        return points == 0 ? -1 : points;
    }

    private List<QueryConditions.Field> leading(Document query) {
        return QueryConditions.of(query).leading(keys());
    }

    /** The key range [from, to) that holds every document the query can match, or null. */
    private byte[][] range(Document query) {
        ByteArrayOutputStream from = new ByteArrayOutputStream(64);
        from.writeBytes(prefix);
        int used = 0;
        for (QueryConditions.Field c : leading(query)) {
            if (!c.equal.isEmpty()) {
                OrderedValues.write(from, c.equal.get(0));
                used++;
                continue;
            }
            byte type = OrderedValues.rangeType(c.lower != null ? c.lower : c.upper);
            if (c.lower != null && c.upper != null && OrderedValues.rangeType(c.upper) != type) {
                return null; // bounds of two types match nothing; leave it to a scan
            }
            byte[] base = from.toByteArray();
            byte[] lower =
                    Keys.concat(
                            base,
                            c.lower != null ? OrderedValues.encode(c.lower) : new byte[] {type});
            byte[] upper =
                    c.upper != null
                            ? Keys.after(Keys.concat(base, OrderedValues.encode(c.upper)))
                            : Keys.concat(base, new byte[] {(byte) (type + 1)});
            return new byte[][] {lower, upper};
        }
        if (used == 0) {
            return null;
        }
        byte[] equal = from.toByteArray();
        return new byte[][] {equal, Keys.after(equal)};
    }

    @Override
    public boolean canHandle(Document query) {
        return !building && range(query) != null;
    }

    void building(boolean building) {
        this.building = building;
    }

    boolean isBuilding() {
        return building;
    }

    boolean isDropped() {
        return dropped;
    }

    /** The key that marks this index as being built, with where the build goes on. */
    byte[] buildingMarker() {
        return Keys.buildingMarker(collectionId, getName());
    }

    /**
     * The field whose order this index's entries follow for {@code query} when it is also the first
     * key of {@code orderBy}, ascending: every key before it fixed by equality, itself bounded by a
     * range (so of one type). Null otherwise.
     */
    String walksInOrderOf(Document query, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        Map.Entry<String, Object> first = orderBy.entrySet().iterator().next();
        if (!(first.getValue() instanceof Number direction) || direction.intValue() != 1) {
            return null;
        }
        List<QueryConditions.Field> leading = leading(query);
        if (leading.isEmpty()) {
            return null;
        }
        QueryConditions.Field last = leading.get(leading.size() - 1);
        String key = keys().get(leading.size() - 1);
        return last.equal.isEmpty() && key.equals(first.getKey()) ? key : null;
    }

    @Override
    public Iterable<Long> getPositions(Document query) {
        byte[][] range = range(query);
        return new PositionRange(store, range[0], range[1]);
    }

    /** Positions of up to {@code limit} entries whose first key is a date before {@code cutoff}. */
    List<Long> datesBefore(java.time.Instant cutoff, int limit) {
        List<Long> positions = new ArrayList<>();
        store.scanRange(
                Keys.concat(prefix, new byte[] {OrderedValues.DATE}),
                Keys.concat(prefix, OrderedValues.encode(cutoff)),
                (key, value) -> {
                    positions.add(
                            Keys.longOf(
                                    java.util.Arrays.copyOfRange(key, key.length - 8, key.length)));
                    return positions.size() < limit;
                });
        return positions;
    }

    // ---- sizes ----

    @Override
    public long getCount() {
        return store.count(prefix);
    }

    @Override
    public boolean isEmpty() {
        return store.none(prefix);
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        dropped = true;
        store.deletePrefix(buildingMarker());
        store.deletePrefix(prefix);
    }
}
