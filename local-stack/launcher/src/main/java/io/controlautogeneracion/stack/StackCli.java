package io.controlautogeneracion.stack;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of the local stack: {@code up [engine…]}, {@code down}, {@code status}. Engines
 * are kafka, druid, mongodb and couchbase; without any, all of them.
 */
public final class StackCli {
    private StackCli() {}

    private static void samples(StackConfig config, String[] args, PrintStream out) {
        int perDevice = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        var samples =
                SampleMessages.build(
                        java.time.Instant.now(),
                        perDevice,
                        List.of(config.get("samples.panels").split(",")),
                        List.of(config.get("samples.lights").split(",")),
                        List.of(config.get("samples.winds").split(",")));
        String bootstrap =
                io.controlautogeneracion.stack.parts.KafkaBroker.bootstrap(
                        new StackContext(config));
        SampleMessages.send(bootstrap, samples)
                .forEach((topic, n) -> out.printf("  ✓ %-13s %4d messages%n", topic, n));
        out.println(
                "  (8 of them are invalid on purpose: not JSON, not an object, a missing field, out"
                        + " of range, an unparseable or future timestamp, a wrong type)");
    }

    /**
     * Runs the hourly batch now, in the foreground, for the hours given (default: the last closed),
     * or its audit (default: every landed hour).
     */
    private static int batch(StackConfig config, String[] args) {
        StackContext ctx = new StackContext(config);
        List<String> extra = List.of(args).subList(1, args.length);
        List<String> command =
                switch (args[0]) {
                    case "audit" ->
                            io.controlautogeneracion.stack.batch.HourlyBatchCommand.audit(
                                    ctx, extra);
                    case "energy" ->
                            io.controlautogeneracion.stack.batch.HourlyBatchCommand.energy(
                                    ctx, extra);
                    default ->
                            io.controlautogeneracion.stack.batch.HourlyBatchCommand.build(
                                    ctx, extra);
                };
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new StackException("cannot run the hourly batch: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0
                || !Set.of("up", "down", "status", "samples", "batch", "audit", "energy", "figures")
                        .contains(args[0])) {
            out.println(
                    "usage: stack up"
                        + " [kafka|druid|mongodb|couchbase|ingest|catalog|wind-job|landing-job|hourly-batch|simulator"
                        + " …] | down | status | figures | samples [readings per device] | batch"
                        + " [--hour H | --from F --to T] | audit [--hour H | --from F --to T] |"
                        + " energy [--from F --to T]");
            System.exit(2);
        }
        try {
            Set<Engine> engines = EnumSet.allOf(Engine.class);
            if (args[0].equals("up") && args.length > 1) {
                engines = EnumSet.noneOf(Engine.class);
                for (int i = 1; i < args.length; i++) {
                    engines.add(Engine.valueOf(args[i].replace('-', '_').toUpperCase(Locale.ROOT)));
                }
            }
            StackConfig config = StackConfig.load();
            LocalStack stack = new LocalStack(config, engines, out::println);
            switch (args[0]) {
                case "up" -> {
                    out.println("Starting the local stack (data in " + config.dataDir() + ")");
                    long start = System.nanoTime();
                    stack.up();
                    out.printf("Local stack is up (%.0f s):%n", (System.nanoTime() - start) / 1e9);
                    stack.status().forEach(out::println);
                    if (engines.contains(Engine.SIMULATOR)
                            && engines.contains(Engine.INGEST)
                            && engines.contains(Engine.DRUID)) {
                        StackFigures.lines(stack.context()).forEach(out::println);
                    }
                    out.println("Logs in " + stack.context().logDir() + "; stop with ./stack down");
                }
                case "down" -> {
                    out.println("Stopping the local stack");
                    stack.down();
                }
                case "samples" -> samples(config, args, out);
                case "batch", "audit", "energy" -> System.exit(batch(config, args));
                case "figures" -> StackFigures.lines(stack.context()).forEach(out::println);
                default -> stack.status().forEach(out::println);
            }
        } catch (StackException | IllegalArgumentException e) {
            System.err.println("local stack: " + e.getMessage());
            System.exit(1);
        }
    }
}
