package io.controlautogeneracion.catalog.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One catalog connection per JVM and cluster, counted by its users: the parallel instances of a
 * Flink operator share one SDK cluster (its event loops, timers and the bucket's sockets) instead
 * of opening one each, which the SDK warns about and which costs a process its threads and CPU. The
 * last user to close disconnects.
 */
final class SharedConnections {
    private static final Map<Key, Shared> OPEN = new HashMap<>();

    private SharedConnections() {}

    /** What makes two settings the same connection (caches and their times are per client). */
    private record Key(
            String connectionString,
            String username,
            String password,
            String bucket,
            Duration kvTimeout) {
        static Key of(CatalogClientSettings s) {
            return new Key(
                    s.connectionString(), s.username(), s.password(), s.bucket(), s.kvTimeout());
        }
    }

    private static final class Shared {
        private final CatalogConnection connection;
        private int users;

        Shared(CatalogConnection connection) {
            this.connection = connection;
        }
    }

    /**
     * A use of the connection of {@code settings}: the open one, or a new one opened in the
     * background (the SDK connects and keeps trying).
     */
    static Lease lease(CatalogClientSettings settings) {
        Key key = Key.of(settings);
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared == null) {
                shared = new Shared(CatalogConnection.openInBackground(settings));
                OPEN.put(key, shared);
            }
            shared.users++;
            return new Lease(key, shared);
        }
    }

    /** Connections open now, for tests. */
    static int open() {
        synchronized (OPEN) {
            return OPEN.size();
        }
    }

    /** One user's hold on a shared connection; closing it more than once is closing it once. */
    static final class Lease implements AutoCloseable {
        private final Key key;
        private final Shared shared;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Key key, Shared shared) {
            this.key = key;
            this.shared = shared;
        }

        CatalogConnection connection() {
            return shared.connection;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            CatalogConnection last = null;
            synchronized (OPEN) {
                if (--shared.users == 0) {
                    OPEN.remove(key, shared);
                    last = shared.connection;
                }
            }
            if (last != null) {
                // Outside the lock: disconnecting waits for the SDK, and others may open meanwhile.
                last.close();
            }
        }
    }
}
