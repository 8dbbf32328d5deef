package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * A few of the demo fleet's messages for a first look at a running system ({@code ./stack
 * samples}): the readings of the devices named, one every {@link #PERIOD} over the {@code
 * --readings} periods before now, as the simulator makes them (the same sky for the same seed),
 * then one reading garbled each way the simulator garbles them ({@link Malformation}), by the
 * devices in turn, at now. Sent to Kafka (or written as JSON lines), then a line per topic and the
 * kinds of invalid messages. Exit code 0, 1 when Kafka did not take them all, 2 for a command line
 * it cannot use (with the usage) or an id the fleet does not have.
 */
public final class Samples {
    /** The interval between a device's readings. */
    static final Duration PERIOD = Duration.ofSeconds(10);

    private Samples() {}

    /** The command line as picocli reads it. */
    @Command(
            name = "samples",
            synopsisHeading = "usage: ",
            customSynopsis =
                    "samples (--bootstrap HOST:PORT | --dry-run | --out FILE) --ids ID,…"
                            + " [options]",
            description =
                    "The simulator's readings of a few devices up to now, then one message"
                            + " malformed each way the simulator malforms them.",
            sortOptions = false,
            usageHelpWidth = 100)
    static final class Arguments {
        @Mixin SimulatorArguments.Destination destination = new SimulatorArguments.Destination();

        @Option(
                names = "--ids",
                required = true,
                split = ",",
                paramLabel = "ID",
                description = "devices of the fleet that send readings")
        List<String> ids;

        @Option(
                names = "--readings",
                paramLabel = "N",
                defaultValue = "30",
                description =
                        "readings per device, one every 10 s up to now (default ${DEFAULT-VALUE})")
        int readings;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "randomness seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this help")
        boolean help;
    }

    public static void main(String[] args) {
        System.exit(run(args, Instant.now(), System.out, System.err));
    }

    /** Makes and sends the samples of {@code now}; returns the exit code. */
    static int run(String[] args, Instant now, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Arguments());
        Arguments a = cli.getCommand();
        List<Message> samples;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return 0;
            }
            a.destination.check();
            if (a.readings < 1) {
                throw new IllegalArgumentException("--readings must be >= 1, got " + a.readings);
            }
        } catch (ParameterException | IllegalArgumentException e) {
            err.println("samples: " + e.getMessage());
            cli.usage(err);
            return 2;
        }
        try {
            samples = build(now, a.readings, a.ids, a.seed);
        } catch (IllegalArgumentException e) {
            // Ids the fleet does not have, known only once it is loaded (as with --offline).
            err.println("samples: " + e.getMessage());
            return 2;
        }
        try (MessageSink sink =
                Simulator.sink(
                        a.destination.bootstrap, a.destination.out, a.destination.producerConfig)) {
            for (Message m : samples) {
                sink.send(m);
                if (sink.failures() > 0) {
                    // A broker that does not answer makes each send wait: once is enough.
                    break;
                }
            }
            sink.flush();
            if (sink.failures() > 0) {
                err.println(
                        "samples: the messages did not all reach Kafka at "
                                + a.destination.bootstrap
                                + " (the reason above)");
                return 1;
            }
        } catch (SimulatorException | KafkaException e) {
            err.println("samples: " + e.getMessage());
            return 1;
        }
        PrintStream summary = Path.of("-").equals(a.destination.out) ? err : out;
        summary(samples).forEach(summary::println);
        return 0;
    }

    /**
     * The samples: {@code perDevice} readings of each device of {@code ids} (the demo fleet's), in
     * event-time order, then the garbled ones.
     */
    static List<Message> build(Instant now, int perDevice, List<String> ids, long seed) {
        Map<String, SimDevice> fleet =
                DemoFleet.load(null).stream()
                        .collect(
                                Collectors.toMap(
                                        SimDevice::id,
                                        Function.identity(),
                                        (x, y) -> x,
                                        LinkedHashMap::new));
        List<SimDevice> devices = new ArrayList<>();
        for (String id :
                ids.stream().map(String::trim).filter(id -> !id.isEmpty()).distinct().toList()) {
            SimDevice d = fleet.get(id);
            if (d == null) {
                throw new IllegalArgumentException("--ids " + id + ": no such device in the fleet");
            }
            devices.add(d);
        }
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("--ids names no device");
        }
        Map<DeviceKind, Duration> period = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            period.put(kind, PERIOD);
        }
        GeneratorConfig config =
                new GeneratorConfig(
                        seed, period, Map.of(), null, 0, Faults.none(), Map.of(), Outage.none());
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        Generator g =
                new Generator(devices, config, end.minus(PERIOD.multipliedBy(perDevice)), null);
        List<Message> samples = new ArrayList<>();
        Message m;
        while ((m = g.next(end.toEpochMilli())) != null) {
            samples.add(m);
        }
        Malformation[] kinds = Malformation.values();
        for (int k = 0; k < kinds.length; k++) {
            Message bad =
                    g.garbled(devices.get(k % devices.size()).id(), end.toEpochMilli(), kinds[k]);
            if (bad != null) {
                samples.add(bad);
            }
        }
        return samples;
    }

    /** A line per topic (in the order of the device kinds) and one naming the invalid messages. */
    static List<String> summary(List<Message> samples) {
        Map<String, Long> perTopic =
                samples.stream()
                        .sorted(Comparator.comparing(Message::kind))
                        .collect(
                                Collectors.groupingBy(
                                        Message::topic, LinkedHashMap::new, Collectors.counting()));
        List<String> lines = new ArrayList<>();
        perTopic.forEach(
                (topic, n) ->
                        lines.add(String.format(Locale.ROOT, "  ✓ %-13s %4d messages", topic, n)));
        List<String> invalid =
                samples.stream()
                        .filter(s -> !s.valid())
                        .map(s -> s.bad().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .toList();
        lines.add(
                "  ("
                        + invalid.size()
                        + " of them are invalid on purpose: "
                        + String.join(", ", invalid)
                        + ")");
        return lines;
    }
}
