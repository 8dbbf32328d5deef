package io.controlautogeneracion.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.StackException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engines a test run shares: a start that failed is not handed to the next test class. */
class RunningStackTest {

    @Test
    void aStartThatFailedIsTriedAgainByTheNextClassThatNeedsTheEngine(@TempDir Path dir)
            throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port;
        RunningStack stack;
        try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
            port = taken.getLocalPort();
            stack = new RunningStack(dir, Map.of("mongo.port", Integer.toString(port)));
            assertThatThrownBy(() -> stack.ensure(Set.of(Engine.MONGODB)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port);
            assertThatThrownBy(stack::mongoConnectionString)
                    .hasMessageContaining("was not requested");
        }
        try (stack) {
            stack.ensure(Set.of(Engine.MONGODB));

            assertThat(stack.mongoConnectionString()).contains(":" + port);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(loopback, port), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }
}
