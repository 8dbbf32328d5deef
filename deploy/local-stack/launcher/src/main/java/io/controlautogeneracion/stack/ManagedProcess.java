package io.controlautogeneracion.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The process of a part: started with its output appended to its log file and its pid recorded, so
 * that a later command (status, down) finds it again.
 */
public final class ManagedProcess {
    private ManagedProcess() {}

    /** Starts a part's process; when the stack is detached it gets a session of its own. */
    public static ProcessHandle start(Part part, StackContext ctx, boolean detach, Path workDir)
            throws IOException {
        Files.createDirectories(ctx.logDir());
        Files.createDirectories(ctx.runDir());
        List<String> command = new ArrayList<>();
        if (detach) {
            // A session of its own: Ctrl-C on the terminal that ran "up" does not reach the
            // engines.
            command.add("setsid");
        }
        command.addAll(part.command(ctx));
        Path log = ctx.logFile(part.name());
        Files.writeString(
                log,
                "---- starting " + part.name() + ": " + String.join(" ", command) + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(part.environment(ctx));
        Process process =
                builder.directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        Files.writeString(pidFile(ctx, part), Long.toString(process.pid()));
        return process.toHandle();
    }

    /** The live process recorded for a part, if any. */
    public static Optional<ProcessHandle> find(Part part, StackContext ctx) {
        Path pidFile = pidFile(ctx, part);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // A recycled pid belongs to some other program: only a process tagged as this part
            // counts.
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(
                            h ->
                                    h.info()
                                            .commandLine()
                                            .map(c -> c.contains(JavaCommand.tag(part.name())))
                                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Asks the process to stop (SIGTERM), then kills it when it outlives the timeout. */
    public static boolean stop(Part part, StackContext ctx, Duration timeout) {
        Optional<ProcessHandle> handle = find(part, ctx);
        boolean graceful = true;
        if (handle.isPresent()) {
            ProcessHandle process = handle.get();
            process.destroy();
            if (!awaitExit(process, timeout)) {
                graceful = false;
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        }
        try {
            Files.deleteIfExists(pidFile(ctx, part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graceful;
    }

    /** Resident memory of a process in MiB, from /proc; -1 where unknown. */
    public static long rssMiB(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The last lines of a part's log, for a message that says why it failed. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path pidFile(StackContext ctx, Part part) {
        return ctx.runDir().resolve(part.name() + ".pid");
    }
}
