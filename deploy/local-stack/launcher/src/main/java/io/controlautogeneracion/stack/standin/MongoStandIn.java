package io.controlautogeneracion.stack.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.controlautogeneracion.stack.standin.disk.DiskBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB stand-in of the local stack: mongo-java-server speaking the MongoDB wire protocol.
 * Production uses a real MongoDB.
 *
 * <p>Arguments: {@code host port backend path}, the backend one of
 *
 * <ul>
 *   <li>{@code rocksdb} (the default of the local stack): documents and unique indexes on disk in
 *       RocksDB under the directory {@code path}; survives a restart and a {@code kill -9}; expires
 *       documents of TTL indexes; heap use does not grow with the data;
 *   <li>{@code h2}: mongo-java-server's H2 backend, the MVStore file {@code path} (slow under the
 *       stack's load, see deploy/local-stack/README.md);
 *   <li>{@code h2-tuned}: the same with a larger cache and write buffer and compression, for
 *       comparison;
 *   <li>{@code memory}: in memory only, lost at stop.
 * </ul>
 *
 * <p>The oplog (change streams) is off unless {@code -Dmongo.oplog=true}: nothing in the project
 * watches a change stream, and it doubles every write.
 */
public final class MongoStandIn {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStandIn.class);

    private MongoStandIn() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException(
                    "usage: MongoStandIn host port rocksdb|h2|h2-tuned|memory [path]");
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        MongoBackend backend = backend(args[2], args.length > 3 ? Path.of(args[3]) : null);
        if (Boolean.getBoolean("mongo.oplog")) {
            backend.enableOplog();
        }
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("stopping the MongoDB stand-in");
                                    server.shutdown();
                                    stopped.countDown();
                                },
                                "mongo-stand-in-stop"));
        server.bind(host, port);
        LOG.info("MongoDB stand-in ({} backend) listening on {}:{}", args[2], host, port);
        stopped.await();
    }

    /** The backend called {@code name}, its data at {@code path}. */
    public static MongoBackend backend(String name, Path path) throws IOException {
        return switch (name) {
            case "rocksdb" -> {
                // Where RocksDB unpacks its native library, when the stack says (it must exist).
                String lib = System.getenv("ROCKSDB_SHAREDLIB_DIR");
                if (lib != null && !lib.isBlank()) {
                    Files.createDirectories(Path.of(lib));
                }
                yield new DiskBackend(path);
            }
            case "h2" -> {
                Files.createDirectories(path.toAbsolutePath().getParent());
                yield new H2Backend(path.toString());
            }
            case "h2-tuned" -> {
                Files.createDirectories(path.toAbsolutePath().getParent());
                yield new H2Backend(
                        new MVStore.Builder()
                                .fileName(path.toString())
                                .cacheSize(64)
                                .autoCommitBufferSize(16 * 1024)
                                .compress()
                                .open());
            }
            case "memory" -> new MemoryBackend();
            default ->
                    throw new IllegalArgumentException(
                            "unknown MongoDB stand-in backend '"
                                    + name
                                    + "' (rocksdb, h2, h2-tuned, memory)");
        };
    }
}
