package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mongo-java-server backend whose data lives on disk in RocksDB: documents as BSON under
 * insertion-ordered positions, unique indexes as keys, every write atomic per document and in the
 * write-ahead log before it is acknowledged. Heap use does not grow with the data: RocksDB keeps a
 * bounded cache off-heap and the rest on disk.
 *
 * <p>Durability: an acknowledged write is in the operating system's hands (it survives {@code kill
 * -9} of the stand-in); the log is synced to the disk every {@code syncInterval}, which bounds what
 * a power loss takes. TTL indexes expire documents every {@code ttlInterval}, in the order of the
 * TTL index (see {@link DiskCollection#expire}). The layout of the keys: {@link Keys}.
 */
public final class DiskBackend extends AbstractMongoBackend {
    private static final Logger LOG = LoggerFactory.getLogger(DiskBackend.class);
    private static final String INDEXES = "system.indexes";

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions writeOptions = new WriteOptions();
    private final ReadOptions readOptions = new ReadOptions();
    private final RocksDB db;
    private final ScheduledExecutorService chores;
    private final Object collectionIds = new Object();
    private final java.util.Map<Long, Pending> pending =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Settings of the store; the defaults suit the local stack. */
    public record Settings(
            long cacheBytes, long writeBufferBytes, Duration syncInterval, Duration ttlInterval) {
        public static Settings defaults() {
            return new Settings(
                    32L << 20, 32L << 20, Duration.ofSeconds(1), Duration.ofSeconds(60));
        }
    }

    public DiskBackend(Path directory) {
        this(directory, Settings.defaults(), defaultClock());
    }

    public DiskBackend(Path directory, Settings settings, Clock clock) {
        super(clock);
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache = new LRUCache(settings.cacheBytes());
        BlockBasedTableConfig table =
                new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(new BloomFilter(10))
                        // Index and filter blocks stay with their files (a few MB per million
                        // documents): every index look-up needs them.
                        .setCacheIndexAndFilterBlocks(false)
                        .setBlockSize(16 * 1024);
        options =
                new Options()
                        .setCreateIfMissing(true)
                        .setTableFormatConfig(table)
                        .setCompressionType(CompressionType.LZ4_COMPRESSION)
                        .setWriteBufferSize(settings.writeBufferBytes())
                        .setMaxWriteBufferNumber(2)
                        // Index keys spread over the whole key range, so each flush overlaps all
                        // of the base level: a small base level keeps what each compaction
                        // rewrites small (the default, 256 MB, rewrites everything every time).
                        .setMaxBytesForLevelBase(2 * settings.writeBufferBytes())
                        .setTargetFileSizeBase(settings.writeBufferBytes() / 4)
                        // A bloom filter in the memtable too: most index look-ups are misses.
                        .setMemtablePrefixBloomSizeRatio(0.05)
                        .setMemtableWholeKeyFiltering(true)
                        .setMaxBackgroundJobs(2)
                        .setMaxTotalWalSize(4 * settings.writeBufferBytes())
                        .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                        .setKeepLogFileNum(2)
                        .setMaxLogFileSize(1 << 20);
        try {
            db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            throw new MongoServerException(
                    "cannot open the store in " + directory + ": " + e.getMessage(), e);
        }
        // before the databases open: an index build cut short goes on there
        chores =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "mongo-stand-in-store");
                            t.setDaemon(true);
                            return t;
                        });
        List<String> names = new ArrayList<>();
        scan(new byte[] {Keys.DATABASE}, (key, value) -> names.add(Keys.name(key)));
        for (String name : names) {
            LOG.info("opening database '{}'", name);
            resolveDatabase(name);
        }
        long sync = settings.syncInterval().toMillis();
        chores.scheduleWithFixedDelay(this::syncLog, sync, sync, TimeUnit.MILLISECONDS);
        long ttl = settings.ttlInterval().toMillis();
        chores.scheduleWithFixedDelay(this::expireQuietly, ttl, ttl, TimeUnit.MILLISECONDS);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        put(Keys.named(Keys.DATABASE, databaseName), new byte[0]);
        return new DiskDatabase(databaseName, this, getCursorRegistry());
    }

    // ---- the key space, for the database, collections and indexes ----

    byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    void put(byte[] key, byte[] value) {
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    void write(WriteBatch batch) {
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** Writes the pending changes of a collection and empties them. */
    void write(Pending changes) {
        try {
            db.write(writeOptions, changes.batch);
            changes.batch.clear();
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** A value as {@code changes} see it: their own writes first, if the caller makes them. */
    byte[] get(Pending changes, byte[] key) {
        if (!changes.mine() || changes.count() == 0) {
            return get(key);
        }
        try {
            return changes.batch.getFromBatchAndDB(db, readOptions, key);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    void deletePrefix(byte[] prefix) {
        try {
            db.deleteRange(writeOptions, prefix, Keys.after(prefix));
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    /** How many keys start with {@code prefix}. */
    long count(byte[] prefix) {
        long[] count = {0};
        scan(
                prefix,
                (key, value) -> {
                    count[0]++;
                    return true;
                });
        return count[0];
    }

    /** Whether no key starts with {@code prefix}. */
    boolean none(byte[] prefix) {
        boolean[] none = {true};
        scan(
                prefix,
                (key, value) -> {
                    none[0] = false;
                    return false;
                });
        return none[0];
    }

    /** Calls {@code each} for every key with {@code prefix}, in key order. */
    void scan(byte[] prefix, KeyValueConsumer each) {
        scan(prefix, prefix, each);
    }

    /**
     * As {@link #scan(byte[], KeyValueConsumer)}, from {@code start} on (a key with the prefix).
     */
    void scan(byte[] prefix, byte[] start, KeyValueConsumer each) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(start); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
                if (!each.accept(it.key(), it.value())) {
                    return;
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /** Calls {@code each} for every key in [from, to), in key order. */
    void scanRange(byte[] from, byte[] to, KeyValueConsumer each) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(from);
                    it.isValid() && Arrays.compareUnsigned(it.key(), to) < 0;
                    it.next()) {
                if (!each.accept(it.key(), it.value())) {
                    return;
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /**
     * The entries with {@code prefix}, read lazily; the iterator is released when the stream is
     * exhausted or closed.
     */
    Stream<java.util.Map.Entry<byte[], byte[]>> stream(byte[] prefix) {
        RocksIterator it = db.newIterator();
        it.seek(prefix);
        java.util.Iterator<java.util.Map.Entry<byte[], byte[]>> entries =
                new java.util.Iterator<>() {
                    private boolean open = true;

                    @Override
                    public boolean hasNext() {
                        if (open && !(it.isValid() && Keys.startsWith(it.key(), prefix))) {
                            open = false;
                            it.close();
                        }
                        return open;
                    }

                    @Override
                    public java.util.Map.Entry<byte[], byte[]> next() {
                        if (!hasNext()) {
                            throw new java.util.NoSuchElementException();
                        }
                        var entry =
                                new java.util.AbstractMap.SimpleImmutableEntry<>(
                                        it.key(), it.value());
                        it.next();
                        return entry;
                    }
                };
        return java.util.stream.StreamSupport.stream(
                        java.util.Spliterators.spliteratorUnknownSize(
                                entries, java.util.Spliterator.ORDERED),
                        false)
                .onClose(it::close);
    }

    /** Entries with {@code prefix} from the last to the first. */
    void scanBackwards(byte[] prefix, KeyValueConsumer each) {
        try (RocksIterator it = db.newIterator()) {
            for (it.seekForPrev(Keys.after(prefix)); it.isValid(); it.prev()) {
                if (!Keys.startsWith(it.key(), prefix)) {
                    if (compare(it.key(), prefix) > 0) {
                        continue; // the first key after the prefix itself
                    }
                    return;
                }
                if (!each.accept(it.key(), it.value())) {
                    return;
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** A visitor of entries; returns false to stop. */
    @FunctionalInterface
    interface KeyValueConsumer {
        boolean accept(byte[] key, byte[] value);
    }

    /**
     * The writes of the operation under way on collection {@code id} (its documents and its index
     * entries), written together when the operation ends.
     */
    Pending pending(long id) {
        return pending.computeIfAbsent(id, any -> new Pending());
    }

    /** The id of a collection's namespace, created at its first use. */
    long collectionId(String namespace) {
        synchronized (collectionIds) {
            byte[] key = Keys.named(Keys.COLLECTION, namespace);
            byte[] existing = get(key);
            if (existing != null) {
                return Keys.longOf(existing);
            }
            byte[] nextKey = {Keys.NEXT_COLLECTION};
            byte[] next = get(nextKey);
            long id = next == null ? 1 : Keys.longOf(next);
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(nextKey, Keys.longBytes(id + 1));
                batch.put(key, Keys.longBytes(id));
                write(batch);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
            return id;
        }
    }

    void forgetCollection(String namespace) {
        synchronized (collectionIds) {
            byte[] key = Keys.named(Keys.COLLECTION, namespace);
            byte[] existing = get(key);
            if (existing == null) {
                return;
            }
            long id = Keys.longOf(existing);
            deletePrefix(Keys.of(Keys.DOCUMENT, id));
            deletePrefix(Keys.of(Keys.INDEX, id));
            deletePrefix(Keys.of(Keys.SECONDARY, id));
            deletePrefix(Keys.of(Keys.BUILDING, id));
            try (WriteBatch batch = new WriteBatch()) {
                batch.delete(Keys.of(Keys.META, id));
                batch.delete(key);
                write(batch);
            } catch (RocksDBException e) {
                throw failure("delete", e);
            }
        }
    }

    void renameCollection(String namespace, String newNamespace) {
        synchronized (collectionIds) {
            byte[] key = Keys.named(Keys.COLLECTION, namespace);
            byte[] id = get(key);
            if (id == null) {
                return;
            }
            try (WriteBatch batch = new WriteBatch()) {
                batch.delete(key);
                batch.put(Keys.named(Keys.COLLECTION, newNamespace), id);
                write(batch);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }
    }

    void forgetDatabase(String databaseName) {
        List<String> namespaces = new ArrayList<>();
        scan(
                Keys.named(Keys.COLLECTION, databaseName + "."),
                (key, value) -> namespaces.add(Keys.name(key)));
        namespaces.forEach(this::forgetCollection);
        try {
            db.delete(writeOptions, Keys.named(Keys.DATABASE, databaseName));
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    private static MongoServerException failure(String what, RocksDBException e) {
        return new MongoServerException(
                "the stand-in's store failed to " + what + ": " + e.getMessage(), e);
    }

    // ---- chores: log sync, TTL, index builds ----

    /** Index builds started and not finished: {@link DiskCollection#addIndex}. */
    private final java.util.concurrent.atomic.AtomicInteger indexBuilds =
            new java.util.concurrent.atomic.AtomicInteger();

    boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code chore} on the store's thread, after the chores before it; refused once the store
     * closes (an index build then resumes from its marker at the next start).
     */
    boolean chore(Runnable chore) {
        try {
            chores.execute(
                    () -> {
                        try {
                            chore.run();
                        } catch (RuntimeException e) {
                            LOG.warn("a chore of the store failed: {}", e.toString());
                        }
                    });
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    void indexBuildStarted() {
        indexBuilds.incrementAndGet();
    }

    void indexBuildEnded() {
        indexBuilds.decrementAndGet();
    }

    /** How many index builds are under way in this process. */
    int indexBuildsUnderWay() {
        return indexBuilds.get();
    }

    private void syncLog() {
        if (closed) {
            return;
        }
        try {
            db.syncWal();
        } catch (RocksDBException | RuntimeException e) {
            LOG.warn("syncing the write-ahead log failed: {}", e.toString());
        }
    }

    private void expireQuietly() {
        try {
            int expired = expire(getClock().instant(), 10_000);
            if (expired > 0) {
                LOG.info("removed {} expired documents (TTL indexes)", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("expiring documents failed: {}", e.toString());
        }
    }

    /**
     * Removes the documents that the TTL indexes of every database say have expired at {@code now},
     * at most {@code limit} per collection (the rest on the next call). Returns how many.
     */
    public int expire(Instant now, int limit) {
        if (closed) {
            return 0;
        }
        int removed = 0;
        for (String databaseName : listDatabaseNames()) {
            MongoDatabase database = resolveDatabase(databaseName);
            MongoCollection<?> indexes = database.resolveCollection(INDEXES, false);
            if (indexes == null) {
                continue;
            }
            List<Document> ttlIndexes;
            try (Stream<Document> all = indexes.queryAllAsStream()) {
                ttlIndexes =
                        all.filter(i -> i.get("expireAfterSeconds") instanceof Number).toList();
            }
            for (Document index : ttlIndexes) {
                Document key = (Document) index.get("key");
                String namespace = String.valueOf(index.get("ns"));
                if (key == null || key.size() != 1 || !namespace.startsWith(databaseName + ".")) {
                    continue;
                }
                String collectionName = namespace.substring(databaseName.length() + 1);
                long seconds = ((Number) index.get("expireAfterSeconds")).longValue();
                MongoCollection<?> collection = database.resolveCollection(collectionName, false);
                if (collection instanceof DiskCollection disk) {
                    removed +=
                            disk.expire(
                                    String.valueOf(index.get("name")),
                                    key.keySet().iterator().next(),
                                    now.minusSeconds(seconds),
                                    limit);
                }
            }
        }
        return removed;
    }

    /** Bytes the store takes on disk. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        chores.shutdown();
        try {
            chores.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
        try {
            LOG.info("store at close:\n{}", db.getProperty("rocksdb.stats"));
        } catch (RocksDBException e) {
            LOG.debug("no store statistics: {}", e.toString());
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
            db.syncWal();
        } catch (RocksDBException e) {
            LOG.warn("flushing the store at close failed: {}", e.toString());
        }
        db.close();
        writeOptions.close();
        readOptions.close();
        options.close();
        cache.close();
        LOG.info("closed the store in {}", directory);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + directory + "]";
    }
}
