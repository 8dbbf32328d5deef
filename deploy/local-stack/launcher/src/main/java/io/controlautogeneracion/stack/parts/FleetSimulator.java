package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The device fleet simulator of {@code deploy/simulator/} in its own JVM: it back-fills the last
 * {@code simulator.backfill-days} at full speed, then sends the demo fleet's readings live. It
 * saves where it is, so a restart goes on from there instead of sending the same hours again.
 * Healthy as soon as it has started; its progress is the last line of its log.
 */
public final class FleetSimulator implements Part {
    public static final String NAME = "simulator";
    static final String MAIN = "io.controlautogeneracion.simulator.Simulator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of();
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        classpath(ctx);
        Path config = producerConfig(ctx);
        Files.deleteIfExists(config);
        if (KafkaSecurity.enabled(ctx)) {
            // The simulator's credentials, readable by their owner only, off the command line.
            Files.createFile(
                    config,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Properties p = new Properties();
            p.putAll(KafkaSecurity.securityProperties(ctx, NAME));
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "Kafka client settings of the simulator, written by the local stack");
            }
        }
    }

    /** The Kafka client settings the simulator reads with security on. */
    static Path producerConfig(StackContext ctx) {
        return ctx.partDir(NAME).resolve("producer.properties");
    }

    /** The simulator's classpath as written by its build. */
    static String classpath(StackContext ctx) {
        return ProjectLayout.moduleClasspath(ctx.config().projectDir(), "deploy/simulator");
    }

    /** Where the simulator keeps its counters and the last instant it sent. */
    public static Path stateFile(StackContext ctx) {
        return ctx.partDir(NAME).resolve("state.json");
    }

    @Override
    public List<String> command(StackContext ctx) {
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--bootstrap", KafkaBroker.bootstrap(ctx)));
        if (KafkaSecurity.enabled(ctx)) {
            args.addAll(List.of("--producer-config", producerConfig(ctx).toString()));
        }
        args.addAll(List.of("--seed", ctx.config().get("simulator.seed")));
        args.addAll(List.of("--backfill-days", ctx.config().get("simulator.backfill-days")));
        args.addAll(List.of("--speed", ctx.config().get("simulator.speed")));
        args.addAll(List.of("--period", ctx.config().get("simulator.period")));
        args.addAll(List.of("--backfill-period", ctx.config().get("simulator.backfill-period")));
        args.addAll(List.of("--malformed", ctx.config().get("simulator.malformed")));
        args.addAll(List.of("--devices", ctx.config().get("simulator.devices")));
        args.addAll(List.of("--offline", ctx.config().get("simulator.offline")));
        args.addAll(List.of("--offline-after", ctx.config().get("simulator.offline-after")));
        args.addAll(List.of("--offline-for", ctx.config().get("simulator.offline-for")));
        args.addAll(List.of("--state", stateFile(ctx).toString()));
        return JavaCommand.using(ctx, NAME)
                .heap(ctx.config().heap(NAME))
                .jvm("-XX:+UseSerialGC")
                .classpath(classpath(ctx))
                .main(MAIN, args.toArray(String[]::new))
                .build();
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return FlinkJob.loggedSinceStart(ctx, NAME, "simulator started");
    }

    @Override
    public String endpoint(StackContext ctx) {
        return progress(ctx) + ", log " + ctx.logFile(NAME);
    }

    /** The simulator's latest progress line (back-fill share or live rate), shortened. */
    public static String progress(StackContext ctx) {
        try {
            List<String> lines = Files.readAllLines(ctx.logFile(NAME));
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                int at = indexOfAny(line, "back-fill ", "live (", "simulator started");
                if (at >= 0) {
                    return line.substring(at);
                }
                if (line.startsWith("---- starting")) {
                    break;
                }
            }
        } catch (IOException e) {
            // No log yet: nothing to report.
        }
        return "starting";
    }

    private static int indexOfAny(String line, String... texts) {
        for (String text : texts) {
            int at = line.indexOf(text);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }
}
