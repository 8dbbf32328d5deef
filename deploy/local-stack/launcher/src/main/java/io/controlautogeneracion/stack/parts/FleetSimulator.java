package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
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
 * Healthy as soon as it has started; its progress is the last line of its log. The simulator also
 * makes the messages of {@code ./stack samples} ({@link #samples}).
 */
public final class FleetSimulator implements Part {
    public static final String NAME = "simulator";
    static final String MAIN = "io.controlautogeneracion.simulator.Simulator";
    static final String SAMPLES_MAIN = "io.controlautogeneracion.simulator.Samples";

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
        writeProducerConfig(ctx, producerConfig(ctx));
    }

    /** The Kafka client settings the simulator reads with security on. */
    static Path producerConfig(StackContext ctx) {
        return ctx.partDir(NAME).resolve("producer.properties");
    }

    /**
     * With security on, the simulator's credentials into {@code config}, readable by their owner
     * only, off the command line; with it off, no file.
     */
    private static void writeProducerConfig(StackContext ctx, Path config) throws IOException {
        Files.deleteIfExists(config);
        if (KafkaSecurity.enabled(ctx)) {
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

    /** The broker and, with security on, the file of client settings written there. */
    private static List<String> kafkaArguments(StackContext ctx, Path config) {
        List<String> args = new ArrayList<>(List.of("--bootstrap", KafkaBroker.bootstrap(ctx)));
        if (KafkaSecurity.enabled(ctx)) {
            args.addAll(List.of("--producer-config", config.toString()));
        }
        return args;
    }

    /**
     * The command of {@code ./stack samples}: the simulator's samples ({@value #SAMPLES_MAIN}) in a
     * JVM of their own, as the simulator's Kafka user, for the devices of {@code samples.panels},
     * {@code samples.lights} and {@code samples.winds}, with the simulator's seed: {@code
     * perDevice} readings of each, then one message malformed each way the simulator malforms them.
     */
    public static List<String> samples(StackContext ctx, int perDevice) {
        Path config = ctx.partDir(NAME).resolve("samples-producer.properties");
        try {
            writeProducerConfig(ctx, config);
        } catch (IOException e) {
            throw new StackException("cannot write " + config + ": " + e.getMessage(), e);
        }
        List<String> ids = new ArrayList<>();
        for (String key : List.of("samples.panels", "samples.lights", "samples.winds")) {
            ids.add(ctx.config().get(key));
        }
        List<String> args = kafkaArguments(ctx, config);
        args.addAll(List.of("--ids", String.join(",", ids)));
        args.addAll(List.of("--readings", Integer.toString(perDevice)));
        args.addAll(List.of("--seed", ctx.config().get("simulator.seed")));
        return JavaCommand.using(ctx, "samples")
                .heap(ctx.config().heap(NAME))
                .jvm("-XX:+UseSerialGC")
                // Broker trouble is the command's one-line answer, not the client's retries.
                .property("org.slf4j.simpleLogger.log.org.apache.kafka", "error")
                .classpath(classpath(ctx))
                .main(SAMPLES_MAIN, args.toArray(String[]::new))
                .build();
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
        List<String> args = kafkaArguments(ctx, producerConfig(ctx));
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
