package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.ManagedProcess;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import io.controlautogeneracion.stack.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka broker's directory before it starts: its {@code server.properties} (with security on,
 * the SASL settings over the plain ones, readable by its owner only) and its storage, formatted
 * once with a new cluster id.
 */
final class KafkaStorage {
    private static final String SCRAM_MARKER = "scram-users";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private KafkaStorage() {}

    /** Writes the broker's settings into {@code dir} and formats its storage if it is new. */
    static void prepare(StackContext ctx, Path dir) throws IOException {
        Map<String, String> values = new HashMap<>(ctx.config().asMap());
        values.put("data", dir.toString());
        String properties =
                Templates.render(
                        Resources.text("/kafka/server.properties"),
                        values,
                        "kafka/server.properties");
        if (KafkaSecurity.enabled(ctx)) {
            properties =
                    replaceSettings(
                            properties,
                            Templates.render(
                                    Resources.text("/kafka/server-sasl.properties"),
                                    values,
                                    "kafka/server-sasl.properties"));
        }
        Path file = dir.resolve("server.properties");
        Files.deleteIfExists(file);
        // It may hold the operator's password: readable by its owner only.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, properties);
        Resources.writeLog4j(ctx);
        Path logs = dir.resolve("logs");
        if (!Files.isRegularFile(logs.resolve("meta.properties"))) {
            format(ctx, dir);
        } else if (KafkaSecurity.enabled(ctx) && !Files.isRegularFile(dir.resolve(SCRAM_MARKER))) {
            throw new StackException(
                    "kafka.security=sasl needs a Kafka storage formatted with the operator's user,"
                            + " and "
                            + logs
                            + " was formatted without it: start with another data.dir, or delete"
                            + " that directory (its topics are lost)");
        }
    }

    /** {@code base} with every setting that {@code overrides} sets replaced by it. */
    static String replaceSettings(String base, String overrides) {
        Set<String> keys = new HashSet<>();
        for (String line : overrides.split("\n")) {
            if (line.contains("=") && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : base.split("\n")) {
            boolean replaced =
                    line.contains("=")
                            && !line.startsWith("#")
                            && keys.contains(line.substring(0, line.indexOf('=')).trim());
            if (!replaced) {
                out.append(line).append('\n');
            }
        }
        return out.append(overrides).toString();
    }

    /**
     * Formats the broker's storage once, as kafka-storage.sh format does; with security on, with
     * the operator's SCRAM user, which the launcher needs to create the others.
     */
    private static void format(StackContext ctx, Path dir) throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "format",
                                "--cluster-id",
                                clusterId(),
                                "--config",
                                dir.resolve("server.properties").toString(),
                                "--ignore-formatted"));
        if (KafkaSecurity.enabled(ctx)) {
            args.addAll(
                    List.of(
                            "--add-scram",
                            KafkaSecurity.MECHANISM
                                    + "=[name="
                                    + KafkaSecurity.ADMIN
                                    + ",password="
                                    + KafkaSecurity.password(ctx, KafkaSecurity.ADMIN)
                                    + "]"));
        }
        List<String> command =
                JavaCommand.using(ctx, KafkaBroker.NAME + "-format")
                        .heap("256m")
                        .property("log4j2.configurationFile", Resources.log4j(ctx))
                        .classpath(
                                ProjectLayout.engineClasspath(ctx.config().projectDir(), "kafka"))
                        .main("kafka.tools.StorageTool", args.toArray(String[]::new))
                        .build();
        Path log = ctx.logFile(KafkaBroker.NAME);
        Files.createDirectories(log.getParent());
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        try {
            if (!process.waitFor(ctx.config().startTimeout().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw formatFailed(
                        "took over " + ctx.config().startTimeout().toSeconds() + " s", log);
            }
            if (process.exitValue() != 0) {
                throw formatFailed("failed (exit " + process.exitValue() + ")", log);
            }
            if (KafkaSecurity.enabled(ctx)) {
                Files.writeString(dir.resolve(SCRAM_MARKER), KafkaSecurity.ADMIN + "\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    private static StackException formatFailed(String why, Path log) {
        return new StackException(
                "formatting Kafka storage "
                        + why
                        + "; log "
                        + log
                        + ", last lines:\n"
                        + ManagedProcess.tail(log, 15));
    }

    /**
     * A new cluster id, as {@code kafka-storage.sh random-uuid} makes it: never starting with a
     * dash, which the storage tool would read as an option and refuse.
     */
    static String clusterId() {
        return Uuid.randomUuid().toString();
    }
}
