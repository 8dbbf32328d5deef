package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Scanner;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutDistinctBindablePortsBelowTheEphemeralRange() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.on(loopback);
            assertThat(port).isBetween(10_000, FreePorts.ephemeralStart() - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(loopback, port));
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void shouldReadTheKernelsEphemeralRange() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "a Linux kernel's setting");
        try (Scanner scanner = new Scanner(range)) {
            int start = scanner.nextInt();
            assumeTrue(start > 11_000, "an ephemeral range well above the ports handed out");
            assertThat(FreePorts.ephemeralStart()).isEqualTo(start);
        }
    }

    @Test
    void shouldNeverHandOutAPortSomethingListensOn() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int round = 0; round < 10; round++) {
            try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
                int port = taken.getLocalPort();
                assumeTrue(bindable(loopback, port + 1), "the port after a taken one is free");
                // Of the two ports, the taken one is never handed out.
                assertThat(FreePorts.on(loopback, port, port + 2)).isEqualTo(port + 1);
            }
        }
    }

    private static boolean bindable(InetAddress host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
