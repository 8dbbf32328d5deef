package io.controlautogeneracion.stack;

import io.controlautogeneracion.model.time.IsoTime;
import io.controlautogeneracion.stack.batch.HourlyBatchCommand;
import io.controlautogeneracion.stack.parts.DashboardsPage;
import io.controlautogeneracion.stack.parts.FleetSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line of the local stack ({@code ./stack}). Every subcommand checks its options before
 * doing anything: an unknown option or part, a bad instant or a missing value gives one line naming
 * the problem and the valid choices, and exit code 2; a failure while running gives exit code 1.
 */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        version = "Control Autogeneración local stack",
        description = "The whole system on this machine, on its embedded defaults.",
        subcommands = {
            StackCli.Up.class,
            StackCli.Down.class,
            StackCli.Status.class,
            StackCli.Figures.class,
            StackCli.Samples.class,
            StackCli.Batch.class,
            StackCli.Audit.class,
            StackCli.Energy.class,
            StackCli.Dashboards.class,
            DrillCommand.class
        })
public final class StackCli implements Callable<Integer> {
    /** Exit code of a command line that is not understood. */
    public static final int USAGE = 2;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its handlers, ready to execute (tests give it their own writers). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StackCli());
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler(
                (ex, args) -> {
                    CommandLine at = ex.getCommandLine();
                    at.getErr()
                            .println(
                                    at.getCommandSpec().qualifiedName(" ")
                                            + ": "
                                            + ex.getMessage()
                                            + " — "
                                            + choices(at.getCommandSpec())
                                            + " (--help for more)");
                    return USAGE;
                });
        cli.setExecutionExceptionHandler(
                (ex, at, parsed) -> {
                    if (ex instanceof StackException || ex instanceof IllegalArgumentException) {
                        at.getErr().println("local stack: " + ex.getMessage());
                        return 1;
                    }
                    throw ex;
                });
        return cli;
    }

    /** What the command accepts, on one line. */
    static String choices(CommandSpec spec) {
        if (!spec.subcommands().isEmpty()) {
            return "the commands are "
                    + spec.subcommands().keySet().stream()
                            .filter(name -> !name.equals("help"))
                            .collect(Collectors.joining(", "));
        }
        List<String> parts = new ArrayList<>();
        List<String> options =
                spec.options().stream()
                        .filter(o -> !o.usageHelp() && !o.versionHelp())
                        .map(o -> o.longestName() + (o.arity().max > 0 ? " " + o.paramLabel() : ""))
                        .toList();
        if (!options.isEmpty()) {
            parts.add("the options are " + String.join(", ", options));
        }
        for (ArgSpec positional : spec.positionalParameters()) {
            Iterable<String> candidates = positional.completionCandidates();
            parts.add(
                    candidates == null
                            ? "then " + positional.paramLabel()
                            : positional.paramLabel() + " one of " + String.join(", ", candidates));
        }
        return parts.isEmpty() ? "it takes no arguments" : String.join("; ", parts);
    }

    /** The part names a user types ({@code wind-job}), in the order they start. */
    static final class PartNames implements Iterable<String> {
        static String name(Engine engine) {
            return engine.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Engine.values()).map(PartNames::name).iterator();
        }
    }

    /** A part name to its engine; anything else names the valid parts. */
    static final class PartConverter implements CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine engine : Engine.values()) {
                if (PartNames.name(engine).equals(value)) {
                    return engine;
                }
            }
            throw new CommandLine.TypeConversionException("no part is called '" + value + "'");
        }
    }

    /** The start of a UTC hour, as ISO-8601 ({@code 2026-11-28T13:00:00Z}). */
    static final class HourConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            Instant instant;
            try {
                instant = IsoTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant such as 2026-11-28T13:00:00Z");
            }
            Instant hour = instant.truncatedTo(ChronoUnit.HOURS);
            if (!hour.equals(instant)) {
                throw new CommandLine.TypeConversionException(
                        value + " is not the start of an hour (" + hour + " is)");
            }
            return instant;
        }
    }

    /** {@code --hour H} or {@code --from F --to T}, each the start of a UTC hour. */
    static final class Hours {
        @Option(
                names = "--hour",
                paramLabel = "H",
                converter = HourConverter.class,
                description = "one hour, by its start (2026-11-28T13:00:00Z)")
        Instant hour;

        @ArgGroup(exclusive = false)
        Range range;

        List<String> arguments(CommandSpec spec) {
            if (hour != null) {
                return List.of("--hour", hour.toString());
            }
            if (!range.from.isBefore(range.to)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--from " + range.from + " is not before --to " + range.to);
            }
            return List.of("--from", range.from.toString(), "--to", range.to.toString());
        }
    }

    static final class Range {
        @Option(
                names = "--from",
                required = true,
                paramLabel = "F",
                converter = HourConverter.class,
                description = "first hour of a range, by its start")
        Instant from;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "T",
                converter = HourConverter.class,
                description = "end of the range (the start of the hour after its last)")
        Instant to;
    }

    abstract static class StackCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        StackConfig config() {
            return StackConfig.load();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Runs {@code command} in the foreground, its output on ours; returns its exit code. */
        int foreground(List<String> command, String what) {
            out().flush();
            try {
                return new ProcessBuilder(command).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new StackException("cannot run " + what + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }

        LocalStack stack(Set<Engine> engines) {
            PrintWriter out = out();
            return new LocalStack(
                    config(),
                    engines,
                    line -> {
                        out.println(line);
                        out.flush();
                    });
        }
    }

    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description = "Starts the stack, or the parts named and what they need.")
    static final class Up extends StackCommand {
        @Parameters(
                arity = "0..*",
                paramLabel = "PART",
                converter = PartConverter.class,
                completionCandidates = PartNames.class,
                description = "parts to start: ${COMPLETION-CANDIDATES} (default: all)")
        List<Engine> parts = List.of();

        @Override
        public Integer call() {
            Set<Engine> engines =
                    parts.isEmpty() ? EnumSet.allOf(Engine.class) : EnumSet.copyOf(parts);
            StackConfig config = config();
            LocalStack stack = stack(engines);
            PrintWriter out = out();
            out.println("Starting the local stack (data in " + config.dataDir() + ")");
            out.flush();
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
            if (engines.contains(Engine.DASHBOARDS)) {
                out.println(
                        "Dashboards: "
                                + DashboardsPage.url(stack.context())
                                + "/ in a browser (./stack dashboards lists the three)");
            }
            return 0;
        }
    }

    @Command(
            name = "dashboards",
            mixinStandardHelpOptions = true,
            description = {
                "Starts the dashboards page if it is not running (with the Druid it reads), then"
                        + " prints the address of each dashboard to open in a browser.",
                "Every chart is a named query of druid/queries/, as in the Superset bundle."
            })
    static final class Dashboards extends StackCommand {
        @Override
        public Integer call() {
            LocalStack stack = stack(EnumSet.of(Engine.DASHBOARDS));
            stack.up();
            PrintWriter out = out();
            out.println("Dashboards (open in a browser):");
            DashboardsPage.dashboards(stack.context()).forEach(out::println);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops every part.")
    static final class Down extends StackCommand {
        @Override
        public Integer call() {
            out().println("Stopping the local stack");
            out().flush();
            stack(EnumSet.allOf(Engine.class)).down();
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Each part: running or not, its process and memory.")
    static final class Status extends StackCommand {
        @Override
        public Integer call() {
            stack(EnumSet.allOf(Engine.class)).status().forEach(out()::println);
            return 0;
        }
    }

    @Command(
            name = "figures",
            mixinStandardHelpOptions = true,
            description = "What flows now: readings per second, alarms, reports, the batch.")
    static final class Figures extends StackCommand {
        @Override
        public Integer call() {
            StackFigures.lines(stack(EnumSet.allOf(Engine.class)).context())
                    .forEach(out()::println);
            return 0;
        }
    }

    @Command(
            name = "samples",
            mixinStandardHelpOptions = true,
            description =
                    "Sends the simulator's readings of a few devices (samples.panels,"
                            + " samples.lights, samples.winds), one every 10 s up to now, plus one"
                            + " invalid message of each kind the simulator makes (9).")
    static final class Samples extends StackCommand {
        @Parameters(
                arity = "0..1",
                paramLabel = "N",
                defaultValue = "30",
                description = "readings per device (default ${DEFAULT-VALUE})")
        int perDevice;

        @Override
        public Integer call() {
            if (perDevice < 1 || perDevice > 10_000) {
                throw new ParameterException(
                        spec.commandLine(), "N must be 1 to 10000, got " + perDevice);
            }
            return foreground(
                    FleetSimulator.samples(new StackContext(config()), perDevice), "the samples");
        }
    }

    /** A batch command run in its own JVM, in the foreground; its exit code is the command's. */
    private abstract static class BatchCommand extends StackCommand {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Hours hours;

        List<String> hourArguments() {
            return hours == null ? List.of() : hours.arguments(spec);
        }

        int run(Function<StackContext, List<String>> command) {
            return foreground(command.apply(new StackContext(config())), "the hourly batch");
        }
    }

    @Command(
            name = "batch",
            mixinStandardHelpOptions = true,
            description = {
                "Runs the hourly batch now for the hours given (default: the last closed hour).",
                "The scheduler of the running stack re-reports hours by itself; this is for a"
                        + " range by hand."
            })
    static final class Batch extends BatchCommand {
        @Option(
                names = "--include-open",
                description = "also an hour not closed yet (its files so far)")
        boolean includeOpen;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(hourArguments());
            if (includeOpen) {
                args.addAll(List.of("--include-open", "true"));
            }
            return run(ctx -> HourlyBatchCommand.build(ctx, args));
        }
    }

    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = {
                "Checks every report of the hours given (default: every landed hour) against its"
                        + " definition: diffs and running totals from the stored energies, a row"
                        + " for every panel with readings, every closed hour reported.",
                "Exit code 1 on any violation."
            })
    static final class Audit extends BatchCommand {
        @Override
        public Integer call() {
            List<String> args = hourArguments();
            return run(ctx -> HourlyBatchCommand.audit(ctx, args));
        }
    }

    @Command(
            name = "energy",
            mixinStandardHelpOptions = true,
            description =
                    "Compares each panel's Σ power_gen over the hours given (default: every landed"
                            + " hour) with its own energy counter; prints the distribution and the"
                            + " worst panels.")
    static final class Energy extends BatchCommand {
        @Override
        public Integer call() {
            List<String> args = hourArguments();
            return run(ctx -> HourlyBatchCommand.energy(ctx, args));
        }
    }
}
