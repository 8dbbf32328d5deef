package io.controlautogeneracion.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for parts started later by another process (a stack for tests, a benchmark's stand-in).
 *
 * <p>A port the system hands out for {@code bind(0)} is in the kernel's ephemeral range, the same
 * range it takes the local ports of outgoing connections from: between the moment it is chosen and
 * the moment a part binds it, seconds later, any client of the stack (Druid's processes connecting
 * to ZooKeeper and to each other, Kafka clients) may have been given it, and the part fails with
 * "Address already in use". So ports are taken below that range, at random (two test runs on one
 * machine rarely meet), each checked free when handed out and never handed out twice by one
 * process.
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final int TRIES = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int EPHEMERAL_START = ephemeralStart();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port free on {@code host} now, below the ephemeral range. */
    public static int on(InetAddress host) {
        return on(host, LOWEST, EPHEMERAL_START);
    }

    /** A port free on {@code host} now, from {@code from} (inclusive) to {@code to} (exclusive). */
    static int on(InetAddress host, int from, int to) {
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(from, to);
            if (HANDED_OUT.add(port)) {
                if (free(host, port)) {
                    return port;
                }
                HANDED_OUT.remove(port);
            }
        }
        throw new UncheckedIOException(
                new IOException(
                        "no free port on "
                                + host.getHostAddress()
                                + " between "
                                + from
                                + " and "
                                + to
                                + " in "
                                + TRIES
                                + " tries"));
    }

    /** A port free on the loopback address 127.0.0.1. */
    public static int onLoopback() {
        return on(InetAddress.getLoopbackAddress());
    }

    /** The first port of the ephemeral range: Linux's setting, or the IANA range elsewhere. */
    static int ephemeralStart() {
        try {
            // Read by lines: Java 17's Files.readString gives one character of this file (its size
            // is 0).
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            int start = Integer.parseInt(range[0]);
            return start > LOWEST + 1_000 ? start : 49_152;
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    private static boolean free(InetAddress host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(host, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
