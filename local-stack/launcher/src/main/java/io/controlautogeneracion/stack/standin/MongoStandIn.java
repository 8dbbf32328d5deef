package io.controlautogeneracion.stack.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB stand-in of the local stack: mongo-java-server speaking the MongoDB wire protocol,
 * with its data in an H2 file (survives a restart) or in memory. Production uses a real MongoDB.
 *
 * <p>Arguments: {@code host port h2|memory [file]}.
 */
public final class MongoStandIn {
    private static final Logger LOG = LoggerFactory.getLogger(MongoStandIn.class);

    private MongoStandIn() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: MongoStandIn host port h2|memory [file]");
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        MongoBackend backend;
        if (args[2].equals("h2")) {
            Path file = Path.of(args[3]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = new H2Backend(file.toString());
        } else {
            backend = new MemoryBackend();
        }
        backend.enableOplog();
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
}
