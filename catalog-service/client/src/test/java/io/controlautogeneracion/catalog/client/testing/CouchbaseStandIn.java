package io.controlautogeneracion.catalog.client.testing;

import com.couchbase.mock.Bucket;
import com.couchbase.mock.BucketConfiguration;
import com.couchbase.mock.CouchbaseMock;
import com.couchbase.mock.memcached.MemcachedServer;
import com.couchbase.mock.memcached.protocol.CommandCode;
import com.couchbase.mock.memcached.protocol.ErrorCode;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import java.io.IOException;
import java.util.List;

/**
 * An in-process CouchbaseMock with one bucket, for tests and benchmarks: the real SDK talks the
 * real protocol to it. User and password are the bucket's name and password.
 */
public final class CouchbaseStandIn implements AutoCloseable {
    private final CouchbaseMock mock;
    private final String bucket;
    private final String password;

    private CouchbaseStandIn(CouchbaseMock mock, String bucket, String password) {
        this.mock = mock;
        this.bucket = bucket;
        this.password = password;
    }

    public static CouchbaseStandIn start(String bucket, String password) {
        BucketConfiguration config = new BucketConfiguration();
        config.type = Bucket.BucketType.COUCHBASE;
        config.name = bucket;
        config.password = password;
        config.numNodes = 1;
        config.numReplicas = 0;
        config.numVBuckets = 64;
        config.hostname = "127.0.0.1";
        try {
            CouchbaseMock mock = new CouchbaseMock(0, List.of(config));
            mock.start();
            mock.waitForStartup();
            return new CouchbaseStandIn(mock, bucket, password);
        } catch (IOException e) {
            throw new IllegalStateException("CouchbaseMock did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while CouchbaseMock started", e);
        }
    }

    public String connectionString() {
        return "couchbase://127.0.0.1:"
                + mock.getCarrierPort(bucket)
                + "=kv,127.0.0.1:"
                + mock.getHttpPort()
                + "=manager";
    }

    public String bucket() {
        return bucket;
    }

    public String password() {
        return password;
    }

    public CatalogClientSettings settings() {
        return CatalogClientSettings.of(connectionString(), bucket, password, bucket);
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
