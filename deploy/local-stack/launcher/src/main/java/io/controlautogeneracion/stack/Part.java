package io.controlautogeneracion.stack;

import java.io.IOException;
import java.util.List;

/** One process of the local stack: how to prepare, start, probe and describe it. */
public interface Part {

    /** Short name, used for its log file, pid file and in every message. */
    String name();

    /** The ports it listens on; each must be free before it starts. */
    List<Integer> ports(StackContext ctx);

    /** Writes configuration files and initialises storage; runs before every start. */
    default void prepare(StackContext ctx) throws IOException {}

    /** The full command line of its process. */
    List<String> command(StackContext ctx);

    /** Environment variables of its process, on top of the launcher's own. */
    default java.util.Map<String, String> environment(StackContext ctx) {
        return java.util.Map.of();
    }

    /** A quick probe: does it answer as a healthy instance would? */
    boolean healthy(StackContext ctx);

    /** Work once it is healthy (creating topics, for example); must be safe to repeat. */
    default void afterHealthy(StackContext ctx) {}

    /** Where a user reaches it. */
    String endpoint(StackContext ctx);
}
