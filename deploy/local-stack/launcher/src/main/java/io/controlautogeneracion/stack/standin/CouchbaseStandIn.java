package io.controlautogeneracion.stack.standin;

import com.couchbase.mock.Bucket;
import com.couchbase.mock.BucketConfiguration;
import com.couchbase.mock.CouchbaseMock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Couchbase stand-in of the local stack: CouchbaseMock with one bucket, reached by the real
 * Couchbase SDK over the memcached binary protocol and the cluster manager's REST API. It keeps its
 * documents in memory: the catalog is loaded again at each start. Production uses a real Couchbase.
 *
 * <p>Arguments: {@code host httpPort kvPort bucket password}.
 */
public final class CouchbaseStandIn {
    private static final Logger LOG = LoggerFactory.getLogger(CouchbaseStandIn.class);

    private CouchbaseStandIn() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: CouchbaseStandIn host httpPort kvPort bucket password");
        }
        BucketConfiguration bucket = new BucketConfiguration();
        bucket.type = Bucket.BucketType.COUCHBASE;
        bucket.hostname = args[0];
        bucket.bucketStartPort = Integer.parseInt(args[2]);
        bucket.name = args[3];
        bucket.password = args[4];
        bucket.numNodes = 1;
        bucket.numReplicas = 0;
        bucket.numVBuckets = 64;
        CouchbaseMock mock = new CouchbaseMock(Integer.parseInt(args[1]), List.of(bucket));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("stopping the Couchbase stand-in");
                                    mock.stop();
                                    stopped.countDown();
                                },
                                "couchbase-stand-in-stop"));
        mock.start();
        mock.waitForStartup();
        LOG.info(
                "Couchbase stand-in: bucket '{}' on {} (manager port {}, key-value port {})",
                bucket.name,
                bucket.hostname,
                mock.getHttpPort(),
                mock.getCarrierPort(bucket.name));
        stopped.await();
    }
}
