package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;

/**
 * A collection of the {@link DiskBackend}: documents under positions that grow with each insert (so
 * a scan from the first position is a scan in insertion order), the count and data size in a meta
 * entry written with every change. The index entries and the document of one insert, update or
 * removal are written in one batch: a crash leaves either all or none of them.
 *
 * <p>Changes are serialized per collection; queries are not: they read through RocksDB's consistent
 * iterators without holding up inserts (mongo-java-server's own backends lock queries too, so a
 * long scan would stall a back-fill).
 */
final class DiskCollection extends AbstractMongoCollection<Long> {
    /** Unexpired documents in a row after which an expiry pass stops looking. */
    static final int EXPIRY_LOOK_AHEAD = 1_000;

    /** Stored documents entered in a new index per step of its build. */
    static final int BUILD_CHUNK = 10_000;

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(DiskCollection.class);

    /**
     * The indexes as of their last change, for queries, which hold no lock: another client's {@code
     * createIndexes} or {@code dropIndexes} must not change the list a query goes through (null
     * until first taken).
     */
    private volatile List<Index<Long>> indexesForQueries;

    private final DiskBackend store;
    private final long id;
    private final byte[] documents;
    private final Pending pending;
    private long nextPosition;
    private volatile long count;

    /** While an index without entries (a non-unique one: not kept) is added: no document scan. */
    private boolean addingEmptyIndex;

    private long dataSize;
    private long savedNextPosition;
    private long savedCount;
    private long savedDataSize;

    /** Every position before it has been removed by expiry: later passes start here. */
    private long expiryFrom;

    DiskCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            CursorRegistry cursorRegistry,
            DiskBackend store,
            long id) {
        super(database, collectionName, options, cursorRegistry);
        this.store = store;
        this.id = id;
        this.documents = Keys.of(Keys.DOCUMENT, id);
        this.pending = store.pending(id);
        byte[] meta = store.get(Keys.of(Keys.META, id));
        if (meta != null) {
            ByteBuffer values = ByteBuffer.wrap(meta);
            nextPosition = values.getLong();
            count = values.getLong();
            dataSize = values.getLong();
        }
        save();
    }

    long id() {
        return id;
    }

    // ---- each public change is one batch; a failure discards it ----

    private void save() {
        savedNextPosition = nextPosition;
        savedCount = count;
        savedDataSize = dataSize;
    }

    private void commit() {
        try {
            pending.put(
                    Keys.of(Keys.META, id),
                    ByteBuffer.allocate(24)
                            .putLong(nextPosition)
                            .putLong(count)
                            .putLong(dataSize)
                            .array());
            store.write(pending);
            save();
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void put(byte[] key, byte[] value) {
        pending.put(key, value);
    }

    private void delete(byte[] key) {
        pending.delete(key);
    }

    private void rollback() {
        pending.batch.clear();
        nextPosition = savedNextPosition;
        count = savedCount;
        dataSize = savedDataSize;
    }

    /** Nesting of the change under way: only the outermost one commits. */
    private int depth;

    private <T> T atomically(Supplier<T> change) {
        if (depth++ == 0) {
            pending.begin();
        }
        try {
            T result = change.get();
            if (depth == 1 && pending.count() > 0) {
                commit();
            }
            return result;
        } catch (RuntimeException e) {
            if (depth == 1) {
                rollback();
            }
            throw e;
        } finally {
            if (--depth == 0) {
                pending.end();
            }
        }
    }

    @Override
    public synchronized void addDocument(Document document) {
        if (depth == 0) {
            atomically(
                    () -> {
                        super.addDocument(document);
                        return null;
                    });
            return;
        }
        // One document of a larger change (insertMany): a failure (a duplicate key) takes back
        // this document's writes only, the others are written together at the end.
        long position = nextPosition;
        long documents = count;
        long size = dataSize;
        pending.batch.setSavePoint();
        try {
            super.addDocument(document);
            pending.batch.popSavePoint();
        } catch (RuntimeException e) {
            try {
                pending.batch.rollbackToSavePoint();
            } catch (RocksDBException r) {
                e.addSuppressed(r);
                rollback();
            }
            nextPosition = position;
            count = documents;
            dataSize = size;
            throw e;
        } catch (RocksDBException e) {
            throw new MongoServerException("the stand-in's store failed: " + e, e);
        }
    }

    /** All documents of an insert in one write: an insertMany of 500 is one entry in the log. */
    @Override
    public synchronized List<Document> insertDocuments(
            List<Document> documents, boolean isOrdered) {
        return atomically(() -> super.insertDocuments(documents, isOrdered));
    }

    @Override
    public synchronized void addDocuments(Stream<Document> documents) {
        documents.forEach(this::addDocument);
    }

    @Override
    public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        super.renameTo(newDatabase, newCollectionName);
    }

    /**
     * Adds an index. A new non-unique index over stored documents is built in the background, as
     * MongoDB builds one (since 4.2) without holding up writes: it is listed at once, documents
     * inserted from then on enter it with their insert, and the store's thread enters the stored
     * ones, {@value #BUILD_CHUNK} per step under the collection's lock; it answers no query until
     * it is complete. A marker with the next position goes with each step, so a build cut short by
     * a stop goes on at the next start.
     */
    @Override
    public synchronized void addIndex(Index<Long> index) {
        boolean known = getIndexes().stream().anyMatch(i -> i.getName().equals(index.getName()));
        DiskSecondaryIndex built = null;
        long from = 0;
        long end = nextPosition;
        if (index instanceof DiskSecondaryIndex secondary && !known) {
            byte[] marker = store.get(secondary.buildingMarker());
            if (marker != null) {
                ByteBuffer values = ByteBuffer.wrap(marker);
                from = values.getLong();
                end = values.getLong();
                built = secondary;
            } else if (count > 0 && secondary.isEmpty()) {
                long last = end;
                atomically(
                        () -> {
                            pending.put(secondary.buildingMarker(), marker(0, last));
                            return null;
                        });
                built = secondary;
            }
        }
        if (built != null) {
            built.building(true);
        }
        addingEmptyIndex = index instanceof EmptyIndex || built != null;
        try {
            super.addIndex(index);
        } finally {
            addingEmptyIndex = false;
            indexesForQueries = List.copyOf(getIndexes());
        }
        if (built != null) {
            LOG.info(
                    "building index {} of {} over positions {} to {} in the background",
                    index.getName(),
                    getFullName(),
                    from,
                    end);
            store.indexBuildStarted();
            scheduleBuild(built, from, end);
        }
    }

    private static byte[] marker(long next, long end) {
        return ByteBuffer.allocate(16).putLong(next).putLong(end).array();
    }

    private void scheduleBuild(DiskSecondaryIndex index, long from, long end) {
        if (!store.chore(() -> buildStep(index, from, end))) {
            store.indexBuildEnded(); // the store closes: the marker resumes it at the next start
        }
    }

    /**
     * Enters the stored documents from {@code from} on, up to {@value #BUILD_CHUNK}. A failure of
     * the store stops the build where its marker is (it goes on at the next start); the index
     * answers no query until then.
     */
    private void buildStep(DiskSecondaryIndex index, long from, long end) {
        long next;
        synchronized (this) {
            if (store.isClosed() || index.isDropped()) {
                store.indexBuildEnded();
                return;
            }
            try {
                next = enterStored(index, from, end);
            } catch (RuntimeException e) {
                store.indexBuildEnded();
                LOG.error(
                        "building index {} of {} stopped at position {} (it goes on at the next"
                                + " start; queries scan meanwhile)",
                        index.getName(),
                        getFullName(),
                        from,
                        e);
                return;
            }
        }
        if (next < end) {
            scheduleBuild(index, next, end);
            return;
        }
        index.building(false);
        store.indexBuildEnded();
        LOG.info("built index {} of {}", index.getName(), getFullName());
    }

    /** One step of a build, written with its marker: returns where the next one starts. */
    private long enterStored(DiskSecondaryIndex index, long from, long end) {
        return atomically(
                () -> {
                    long[] resume = {end};
                    int[] entered = {0};
                    store.scanRange(
                            Keys.document(id, from),
                            Keys.document(id, end),
                            (key, value) -> {
                                long position = Keys.position(key);
                                if (entered[0] == BUILD_CHUNK) {
                                    resume[0] = position;
                                    return false;
                                }
                                index.add(Bson.decode(value), position, this);
                                entered[0]++;
                                return true;
                            });
                    if (resume[0] < end) {
                        pending.put(index.buildingMarker(), marker(resume[0], end));
                    } else {
                        pending.delete(index.buildingMarker());
                    }
                    return resume[0];
                });
    }

    @Override
    public synchronized void removeDocument(Document document) {
        atomically(
                () -> {
                    super.removeDocument(document);
                    return null;
                });
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document updateQuery,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        return atomically(
                () ->
                        super.updateDocuments(
                                selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return atomically(() -> super.findAndModify(query));
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return atomically(() -> super.deleteDocuments(selector, limit, oplog));
    }

    // ---- storage ----

    @Override
    protected Long addDocumentInternal(Document document) {
        long position = nextPosition++;
        put(Keys.document(id, position), Bson.encode(document));
        count++;
        return position;
    }

    @Override
    protected Document getDocument(Long position) {
        byte[] bytes = store.get(Keys.document(id, position));
        if (bytes == null) {
            throw new MongoServerException(
                    "no document at position " + position + " in " + getFullName());
        }
        return Bson.decode(bytes);
    }

    @Override
    protected void removeDocument(Long position) {
        delete(Keys.document(id, position));
        count--;
        // An update or removal of several documents commits each one.
        commit();
    }

    @Override
    protected void handleUpdate(Long position, Document oldDocument, Document newDocument) {
        put(Keys.document(id, position), Bson.encode(newDocument));
        commit();
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        dataSize += sizeDelta;
    }

    @Override
    protected int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, dataSize);
    }

    @Override
    public int count() {
        return (int) count;
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        try {
            super.dropIndex(indexName);
        } finally {
            indexesForQueries = List.copyOf(getIndexes());
        }
    }

    private List<Index<Long>> indexesForQueries() {
        List<Index<Long>> indexes = indexesForQueries;
        if (indexes == null) {
            synchronized (this) {
                indexes = List.copyOf(getIndexes());
                indexesForQueries = indexes;
            }
        }
        return indexes;
    }

    /**
     * As MongoDB's planner would, among the indexes that can serve the query, the one that selects
     * it most narrowly (a unique index with every key given first), instead of the first one
     * created. When that index's entries come in the order of the sort's first key, the walk stops
     * once nothing after it can enter the result, as MongoDB's does on an index that gives the
     * sort: a page of a day's readings reads the page, not the day.
     */
    @Override
    protected QueryResult queryDocuments(
            Document query,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        Index<Long> best = null;
        int bestPoints = -1;
        for (Index<Long> index : indexesForQueries()) {
            if (!index.canHandle(query)) {
                continue;
            }
            int points =
                    index instanceof DiskSecondaryIndex secondary
                            ? secondary.selectivity(query)
                            : Integer.MAX_VALUE;
            if (points > bestPoints) {
                best = index;
                bestPoints = points;
            }
        }
        if (best == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        String inOrderOf =
                best instanceof DiskSecondaryIndex secondary
                        ? secondary.walksInOrderOf(query, orderBy)
                        : null;
        return matchDocuments(
                query,
                best.getPositions(query),
                inOrderOf,
                orderBy,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(
            Document query,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        // Documents are decoded one by one and only the matching ones the query can return are
        // kept: a scan needs no more heap than its result, and stops once it is complete.
        Document order = isNaturalDescending(orderBy) ? null : orderBy;
        BoundedMatches matching = new BoundedMatches(order, numberToSkip, limit);
        KeyValueVisitor visit =
                (key, value) -> {
                    Document document = Bson.decode(value);
                    return !documentMatchesQuery(document, query) || matching.add(document);
                };
        if (isNaturalDescending(orderBy)) {
            store.scanBackwards(documents, visit::accept);
        } else {
            store.scan(documents, visit::accept);
        }
        return matchDocumentsFromStream(
                matching.stream(),
                new Document(),
                order,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }

    /**
     * Documents at the positions an index gave. Queries do not hold the collection's lock, so a
     * document may have been removed since its index entry was read: it is skipped.
     */
    @Override
    protected QueryResult matchDocuments(
            Document query,
            Iterable<Long> positions,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        return matchDocuments(
                query, positions, null, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * As {@link #matchDocuments(Document, Iterable, Document, int, int, int, Document)}; when
     * {@code inOrderOf} names the field the positions come in ascending order of (the sort's first
     * key), the walk stops at the first document past the last one the result can hold.
     */
    private QueryResult matchDocuments(
            Document query,
            Iterable<Long> positions,
            String inOrderOf,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        // The query is applied as the documents are read, so an index that narrows little (an
        // equality on the topic alone) needs no more heap than the result.
        BoundedMatches matching = new BoundedMatches(orderBy, numberToSkip, limit);
        LongPredicate visit =
                position -> {
                    byte[] stored = store.get(Keys.document(id, position));
                    if (stored == null) {
                        return true;
                    }
                    Document document = Bson.decode(stored);
                    if (inOrderOf != null
                            && matching.isFull()
                            && past(document, matching.last(), inOrderOf)) {
                        return false;
                    }
                    return !documentMatchesQuery(document, query) || matching.add(document);
                };
        if (positions instanceof PositionRange range) {
            range.visit(visit);
        } else {
            for (Long position : positions) {
                if (!visit.test(position)) {
                    break;
                }
            }
        }
        return matchDocumentsFromStream(
                matching.stream(),
                new Document(),
                orderBy,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }

    /** Whether {@code document}'s {@code field} is a single value greater than {@code last}'s. */
    private static boolean past(Document document, Document last, String field) {
        Object value = Utils.getSubdocumentValue(document, field);
        Object bound = Utils.getSubdocumentValue(last, field);
        boolean sameType =
                value != null
                        && bound != null
                        && (value.getClass() == bound.getClass()
                                || (value instanceof Number && bound instanceof Number));
        return sameType
                && !(value instanceof Collection)
                && ValueComparator.asc().compare(value, bound) > 0;
    }

    @FunctionalInterface
    private interface KeyValueVisitor {
        boolean accept(byte[] key, byte[] value);
    }

    @Override
    protected Stream<DocumentWithPosition<Long>> streamAllDocumentsWithPosition() {
        if (addingEmptyIndex) {
            return Stream.empty();
        }
        return store.stream(documents)
                .map(
                        entry ->
                                new DocumentWithPosition<>(
                                        Bson.decode(entry.getValue()),
                                        Keys.position(entry.getKey())));
    }

    // ---- TTL ----

    /**
     * Removes documents whose {@code field} holds a date (or an array with a date) before {@code
     * cutoff}, as MongoDB's TTL monitor does, at most {@code limit}: those the TTL index {@code
     * indexName} lists before the cutoff (its entries are ordered by date), each checked again
     * before it goes.
     */
    synchronized int expire(String indexName, String field, Instant cutoff, int limit) {
        Index<Long> index =
                getIndexes().stream()
                        .filter(i -> i.getName().equals(indexName))
                        .findFirst()
                        .orElse(null);
        if (!(index instanceof DiskSecondaryIndex secondary)) {
            return expireByWalk(field, cutoff, limit);
        }
        int removed = 0;
        for (Long position : secondary.datesBefore(cutoff, limit)) {
            byte[] stored = store.get(Keys.document(id, position));
            if (stored != null) {
                Document document = Bson.decode(stored);
                if (expiredAt(Utils.getSubdocumentValue(document, field), cutoff)) {
                    removeDocument(document);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Expiry without an ordered index (a unique TTL index): walks from the oldest position and
     * stops after {@link #EXPIRY_LOOK_AHEAD} unexpired documents in a row: documents come in
     * roughly in the order of their TTL field, so this finds what has expired without reading the
     * whole collection; an expired document behind a long run of unexpired ones waits until they
     * expire. Never removes an unexpired document.
     */
    private int expireByWalk(String field, Instant cutoff, int limit) {
        List<Document> expired = new ArrayList<>();
        long[] firstKept = {-1};
        long[] lastSeen = {expiryFrom - 1};
        int[] unexpiredRun = {0};
        store.scan(
                documents,
                Keys.document(id, expiryFrom),
                (key, value) -> {
                    long position = Keys.position(key);
                    lastSeen[0] = position;
                    Document document = Bson.decode(value);
                    if (expiredAt(Utils.getSubdocumentValue(document, field), cutoff)) {
                        expired.add(document);
                        unexpiredRun[0] = 0;
                        return expired.size() < limit;
                    }
                    if (firstKept[0] < 0) {
                        firstKept[0] = position;
                    }
                    return ++unexpiredRun[0] < EXPIRY_LOOK_AHEAD;
                });
        for (Document document : expired) {
            removeDocument(document);
        }
        expiryFrom = firstKept[0] >= 0 ? firstKept[0] : lastSeen[0] + 1;
        return expired.size();
    }

    private static boolean expiredAt(Object value, Instant cutoff) {
        if (value instanceof Instant instant) {
            return instant.isBefore(cutoff);
        }
        if (value instanceof Date date) {
            return date.toInstant().isBefore(cutoff);
        }
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .anyMatch(v -> !(v instanceof Collection) && expiredAt(v, cutoff));
        }
        return false;
    }
}
