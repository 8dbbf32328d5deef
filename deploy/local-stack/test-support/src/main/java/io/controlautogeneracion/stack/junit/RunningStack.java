package io.controlautogeneracion.stack.junit;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.FreePorts;
import io.controlautogeneracion.stack.LocalStack;
import io.controlautogeneracion.stack.StackConfig;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.DashboardsPage;
import io.controlautogeneracion.stack.parts.KafkaBroker;
import io.controlautogeneracion.stack.parts.KafkaSecurity;
import io.controlautogeneracion.stack.parts.MongoStandInPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of one test run: the same launcher a user runs, on free ports and a throw-away data
 * directory, its processes tied to the test JVM.
 */
public final class RunningStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningStack.class);

    private final StackConfig config;
    private final Set<Engine> started = EnumSet.noneOf(Engine.class);
    private final Thread shutdownHook = new Thread(this::stopQuietly, "local-stack-stop");
    private LocalStack stack;

    RunningStack() {
        this(Path.of("target", "local-stack"), Map.of());
    }

    /** A stack in {@code dataDir}, with {@code settings} over the test defaults. */
    RunningStack(Path dataDir, Map<String, String> settings) {
        StackConfig defaults = StackConfig.load();
        dataDir = dataDir.toAbsolutePath();
        deleteRecursively(dataDir);
        Map<String, String> overrides = new HashMap<>(freePorts(defaults));
        overrides.put("data.dir", dataDir.toString());
        overrides.put("detach", "false");
        overrides.put("mongo.backend", "memory");
        // Segments stay as the tests load them: no background compaction taking slots and CPU.
        overrides.put("druid.auto-compaction", "false");
        overrides.putAll(settings);
        this.config = defaults.with(overrides);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the engines not running yet. Engines count as started only once the stack is up: a
     * start that fails fails its own test class, and the next class that needs them tries again
     * instead of being handed engines that never came up.
     */
    synchronized void ensure(Set<Engine> engines) {
        if (started.containsAll(engines)) {
            return;
        }
        Set<Engine> wanted = EnumSet.copyOf(started);
        wanted.addAll(engines);
        // Assigned before up(), so that close() also stops what a failed start left running.
        stack = new LocalStack(config, wanted, LOG::info);
        long start = System.nanoTime();
        stack.up();
        started.addAll(wanted);
        LOG.info("local stack {} up in {} s", started, (System.nanoTime() - start) / 1_000_000_000);
    }

    public StackContext context() {
        return stack.context();
    }

    public String kafkaBootstrap() {
        require(Engine.KAFKA);
        return KafkaBroker.bootstrap(context());
    }

    /**
     * The Kafka client settings of one of the stack's users ({@code deploy/kafka/acls.txt}; {@code
     * admin} may do anything): the bootstrap address, and with {@code kafka.security=sasl} its
     * credentials.
     */
    public Map<String, Object> kafkaClient(String principal) {
        require(Engine.KAFKA);
        return KafkaSecurity.clientProperties(context(), principal);
    }

    public DruidClient druid() {
        require(Engine.DRUID);
        return stack.druid();
    }

    /** The dashboards page, e.g. {@code http://127.0.0.1:41234}. */
    public String dashboardsUrl() {
        require(Engine.DASHBOARDS);
        return DashboardsPage.url(context());
    }

    public String mongoConnectionString() {
        require(Engine.MONGODB);
        return MongoStandInPart.connectionString(context());
    }

    public String couchbaseConnectionString() {
        require(Engine.COUCHBASE);
        return CouchbaseStandInPart.connectionString(context());
    }

    public String couchbaseBucket() {
        return config.get("couchbase.bucket");
    }

    public String couchbasePassword() {
        return config.get("couchbase.password");
    }

    private void require(Engine engine) {
        if (!started.contains(engine)) {
            throw new StackException(engine + " was not requested: add it to @WithLocalStack");
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing left to do.
        }
    }

    private synchronized void stopQuietly() {
        if (stack != null) {
            stack.down();
            stack = null;
        }
    }

    /**
     * A free loopback port below the ephemeral range ({@link FreePorts}) for every {@code *.port}
     * setting, so tests never meet a user's stack nor a connection's local port.
     */
    private static Map<String, String> freePorts(StackConfig config) {
        Map<String, String> ports = new HashMap<>();
        InetAddress host;
        try {
            host = InetAddress.getByName(config.host());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + config.host(), e);
        }
        for (String key : config.asMap().keySet()) {
            if (key.endsWith(".port")) {
                ports.put(key, Integer.toString(FreePorts.on(host)));
            }
        }
        return ports;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
