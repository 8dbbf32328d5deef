package io.controlautogeneracion.stack.standin;

import com.couchbase.mock.Bucket;
import com.couchbase.mock.BucketConfiguration;
import com.couchbase.mock.CouchbaseMock;
import com.couchbase.mock.memcached.MemcachedServer;
import com.couchbase.mock.memcached.protocol.CommandCode;
import com.couchbase.mock.memcached.protocol.ErrorCode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Couchbase stand-in: CouchbaseMock with one bucket, reached by the real Couchbase SDK over the
 * memcached binary protocol and the cluster manager's REST API. User and password are the bucket's
 * name and password. It keeps its documents in memory: the local stack runs it in a process of its
 * own ({@link #main}) and loads the catalog again at each start; tests start it in their JVM
 * ({@link #start(String, String)}). Production uses a real Couchbase.
 *
 * <p>Arguments of {@link #main}: {@code host httpPort kvPort bucket password}.
 */
public final class CouchbaseStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseStandIn.class);

    private final CouchbaseMock mock;
    private final String host;
    private final String bucket;
    private final String password;

    private CouchbaseStandIn(CouchbaseMock mock, String host, String bucket, String password) {
        this.mock = mock;
        this.host = host;
        this.bucket = bucket;
        this.password = password;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: CouchbaseStandIn host httpPort kvPort bucket password");
        }
        CouchbaseStandIn standIn =
                start(
                        args[0],
                        Integer.parseInt(args[1]),
                        Integer.parseInt(args[2]),
                        args[3],
                        args[4]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("stopping the Couchbase stand-in");
                                    standIn.close();
                                    stopped.countDown();
                                },
                                "couchbase-stand-in-stop"));
        LOG.info(
                "Couchbase stand-in: bucket '{}' on {} (manager port {}, key-value port {})",
                standIn.bucket,
                standIn.host,
                standIn.mock.getHttpPort(),
                standIn.mock.getCarrierPort(standIn.bucket));
        stopped.await();
    }

    /** A stand-in on 127.0.0.1, on free ports: a test's. */
    public static CouchbaseStandIn start(String bucket, String password) {
        return start("127.0.0.1", 0, 0, bucket, password);
    }

    /**
     * A stand-in on {@code host}, its cluster manager on {@code httpPort} and its key-value service
     * on {@code kvPort} (0: a free port).
     */
    public static CouchbaseStandIn start(
            String host, int httpPort, int kvPort, String bucket, String password) {
        BucketConfiguration config = new BucketConfiguration();
        config.type = Bucket.BucketType.COUCHBASE;
        config.hostname = host;
        config.bucketStartPort = kvPort;
        config.name = bucket;
        config.password = password;
        config.numNodes = 1;
        config.numReplicas = 0;
        config.numVBuckets = 64;
        try {
            CouchbaseMock mock = new CouchbaseMock(httpPort, List.of(config));
            mock.start();
            mock.waitForStartup();
            return new CouchbaseStandIn(mock, host, bucket, password);
        } catch (IOException e) {
            throw new IllegalStateException("CouchbaseMock did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while CouchbaseMock started", e);
        }
    }

    /**
     * The SDK's connection string, e.g. {@code
     * couchbase://127.0.0.1:11210=kv,127.0.0.1:8091=manager}.
     */
    public String connectionString() {
        return "couchbase://"
                + host
                + ":"
                + mock.getCarrierPort(bucket)
                + "=kv,"
                + host
                + ":"
                + mock.getHttpPort()
                + "=manager";
    }

    public String bucket() {
        return bucket;
    }

    public String password() {
        return password;
    }

    /**
     * Every key-value request is answered "temporary failure", which the SDK retries until its
     * timeout: to a client, a catalog that does not answer.
     */
    public void refuseReads() {
        failWith(ErrorCode.ETMPFAIL, Integer.MAX_VALUE);
    }

    /** Answers again, with the documents it had. */
    public void answerReads() {
        failWith(ErrorCode.SUCCESS, 0);
    }

    private void failWith(ErrorCode code, int count) {
        for (MemcachedServer server : mock.getBuckets().get(bucket).getServers()) {
            server.updateFailMakerContext(code, count, CommandCode.ILLEGAL);
        }
    }

    @Override
    public void close() {
        mock.stop();
    }
}
