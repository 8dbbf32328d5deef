package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.MongoStandInPart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start, restart, conflicts and stop, on the two stand-ins (the quickest parts to start). */
class LocalStackLifecycleTest {
    @TempDir Path data;
    private final List<String> out = new ArrayList<>();
    private LocalStack stack;

    private StackConfig config(Map<String, String> extra) throws IOException {
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put("data.dir", data.toString());
        overrides.put("detach", "false");
        overrides.put("start.timeout", "120");
        for (String key : List.of("mongo.port", "couchbase.port", "couchbase.kv.port")) {
            overrides.putIfAbsent(key, Integer.toString(FreePorts.onLoopback()));
        }
        return StackConfig.load().with(overrides);
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void shouldStartOnceAndLeaveARunningStackAsItIs() throws IOException {
        stack =
                new LocalStack(
                        config(Map.of()), EnumSet.of(Engine.MONGODB, Engine.COUCHBASE), out::add);
        stack.up();
        Optional<ProcessHandle> mongo =
                ManagedProcess.find(new MongoStandInPart(), stack.context());
        assertThat(mongo).isPresent();
        assertThat(out).anyMatch(l -> l.contains("mongodb") && l.contains("healthy in"));

        out.clear();
        stack.up();
        assertThat(out).anyMatch(l -> l.contains("mongodb") && l.contains("already running"));
        assertThat(out).noneMatch(l -> l.contains("starting"));
        assertThat(
                        ManagedProcess.find(new MongoStandInPart(), stack.context())
                                .map(ProcessHandle::pid))
                .contains(mongo.get().pid());
        assertThat(stack.status()).allMatch(l -> l.contains("healthy"));

        stack.down();
        assertThat(ManagedProcess.find(new MongoStandInPart(), stack.context())).isEmpty();
        assertThat(ManagedProcess.find(new CouchbaseStandInPart(), stack.context())).isEmpty();
        assertThat(stack.status()).allMatch(l -> l.contains("stopped"));
    }

    @Test
    void shouldNameThePartAndPortWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StackConfig config =
                    config(Map.of("mongo.port", Integer.toString(taken.getLocalPort())));
            stack = new LocalStack(config, EnumSet.of(Engine.MONGODB), out::add);
            assertThatThrownBy(stack::up)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("mongodb")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void shouldNameTheLogFileWhenAPartDiesWhileStarting() throws IOException {
        // An invalid heap size makes the JVM exit at once.
        stack =
                new LocalStack(
                        config(Map.of("mongo.heap", "lots")), EnumSet.of(Engine.MONGODB), out::add);
        assertThatThrownBy(stack::up)
                .isInstanceOf(StackException.class)
                .hasMessageContaining("mongodb failed to start: its process exited")
                .hasMessageContaining(data.resolve("logs").resolve("mongodb.log").toString());
    }
}
