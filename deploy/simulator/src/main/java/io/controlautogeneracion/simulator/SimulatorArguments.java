package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.time.IsoTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The simulator's command line as picocli reads it (options, defaults, usage), turned into checked
 * {@link SimulatorOptions} by {@link #options}.
 */
@Command(
        name = "simulator",
        synopsisHeading = "usage: ",
        customSynopsis = "simulator (--bootstrap HOST:PORT | --dry-run | --out FILE) [options]",
        description =
                "The demo fleet's readings to Kafka or as JSON lines: the past days at full"
                        + " speed, then live.",
        footer = "durations: 500ms, 30s, 5m, 2h, 1d or ISO-8601 (PT1M)",
        sortOptions = false,
        usageHelpWidth = 100)
final class SimulatorArguments {
    @Mixin Destination destination = new Destination();

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description =
                    "randomness seed (default ${DEFAULT-VALUE}); same seed and range, same"
                            + " bytes")
    long seed;

    @Option(
            names = "--from",
            paramLabel = "T",
            converter = InstantConverter.class,
            description =
                    "with --to: simulate exactly [from, to) (ISO-8601) at full speed,"
                            + " then stop")
    Instant from;

    @Option(
            names = "--to",
            paramLabel = "T",
            converter = InstantConverter.class,
            description = "the end of that range")
    Instant to;

    @Option(
            names = "--backfill-days",
            paramLabel = "D",
            defaultValue = "0",
            description =
                    "first send the past D days (≤ 6) at full speed (default ${DEFAULT-VALUE})")
    double backfillDays;

    @Option(
            names = "--speed",
            paramLabel = "F",
            defaultValue = "1",
            description = "live event-time speed factor (default 1 = real time)")
    double speed;

    @Option(
            names = "--duration",
            paramLabel = "D",
            converter = DurationConverter.class,
            description = "stop live after D (e.g. 10m; default: run until stopped)")
    Duration duration;

    @Option(
            names = "--period",
            paramLabel = "K=D,…",
            description =
                    "reading period per kind (default " + SimulatorOptions.DEFAULT_PERIODS + ")")
    String period;

    @Option(
            names = "--backfill-period",
            paramLabel = "K=D,…",
            description = "coarser periods for the back-fill (default: the live ones)")
    String backfillPeriod;

    @Option(
            names = "--rate",
            paramLabel = "F",
            defaultValue = "1",
            description = "multiply every device's reading rate by F (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--devices",
            paramLabel = "N",
            defaultValue = "1",
            description = "multiply the fleet N times (load generation; default ${DEFAULT-VALUE})")
    int devices;

    @Option(
            names = "--malformed",
            paramLabel = "S",
            defaultValue = "0.01",
            description = "share of malformed or out-of-range messages (default ${DEFAULT-VALUE})")
    double malformed;

    @Option(
            names = "--fault-after",
            paramLabel = "D",
            defaultValue = "12h",
            converter = DurationConverter.class,
            description =
                    "faults start D after the first simulated instant (default"
                            + " ${DEFAULT-VALUE})")
    Duration faultAfter;

    @Option(
            names = "--fault-panel",
            paramLabel = "ID",
            defaultValue = "P-00026",
            description = "under-producing panel (default ${DEFAULT-VALUE}; \"none\" for none)")
    String faultPanel;

    @Option(
            names = "--fault-light",
            paramLabel = "ID",
            defaultValue = "L-0003",
            description = "frozen light sensor (default ${DEFAULT-VALUE})")
    String faultLight;

    @Option(
            names = "--fault-wind",
            paramLabel = "ID",
            defaultValue = "W-0005",
            description = "silent anemometer (default ${DEFAULT-VALUE})")
    String faultWind;

    @Option(
            names = "--offline",
            paramLabel = "ID,…",
            defaultValue = "none",
            description =
                    "panels and light sensors that go offline for a while, buffer their"
                            + " messages and send them all on reconnection (default none)")
    String offline;

    @Option(
            names = "--offline-after",
            paramLabel = "D",
            defaultValue = "12h",
            converter = DurationConverter.class,
            description =
                    "they go offline D after the first simulated instant (default"
                            + " ${DEFAULT-VALUE})")
    Duration offlineAfter;

    @Option(
            names = "--offline-for",
            paramLabel = "D",
            defaultValue = "2h",
            converter = DurationConverter.class,
            description = "and stay offline for D (default ${DEFAULT-VALUE})")
    Duration offlineFor;

    @Option(
            names = "--fleet",
            paramLabel = "FILE",
            description = "fleet document (default: the catalog's demo/fleet.json)")
    Path fleet;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description =
                    "resume from / save to this file (counters, last instant, offline"
                            + " devices' buffered messages)")
    Path stateFile;

    @Option(
            names = "--progress",
            paramLabel = "D",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "progress line every D of wall time (default ${DEFAULT-VALUE})")
    Duration progressEvery;

    @Option(
            names = "--topic",
            paramLabel = "K=NAME,…",
            description = "topic per kind (default panel, sensor-light, sensor-wind)")
    String topics;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this help")
    boolean help;

    /** The options read, checked together. */
    SimulatorOptions options() {
        destination.check();
        Map<DeviceKind, Duration> periods =
                kinds(SimulatorOptions.DEFAULT_PERIODS, SimulatorArguments::duration);
        periods.putAll(kinds(period, SimulatorArguments::duration));
        Map<DeviceKind, Duration> backfill = new EnumMap<>(periods);
        backfill.putAll(kinds(backfillPeriod, SimulatorArguments::duration));
        positive(periods, "--period");
        positive(backfill, "--backfill-period");
        if (backfillDays < 0 || backfillDays > 6) {
            // Readings older than 7 days are invalid (SPEC §3): a longer back-fill is all
            // alarms.
            throw new IllegalArgumentException(
                    "--backfill-days must be within [0, 6], got " + backfillDays);
        }
        if ((from == null) != (to == null) || (from != null && !from.isBefore(to))) {
            throw new IllegalArgumentException("--from and --to go together, from before to");
        }
        if (!(speed > 0) || !(rate > 0) || devices < 1 || !(malformed >= 0 && malformed <= 1)) {
            throw new IllegalArgumentException(
                    "--speed and --rate must be > 0, --devices >= 1, --malformed within [0,"
                            + " 1]");
        }
        if (offlineAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "--offline-after must not be negative, got " + offlineAfter);
        }
        if (offlineFor.isNegative() || offlineFor.isZero()) {
            throw new IllegalArgumentException("--offline-for must be positive, got " + offlineFor);
        }
        return new SimulatorOptions(
                destination.bootstrap,
                destination.out,
                seed,
                backfillDays,
                from,
                to,
                speed,
                duration,
                periods,
                backfill,
                rate,
                devices,
                malformed,
                faultAfter,
                none(faultPanel),
                none(faultLight),
                none(faultWind),
                ids(offline),
                offlineAfter,
                offlineFor,
                fleet,
                stateFile,
                progressEvery,
                kinds(topics, name -> name),
                destination.producerConfig);
    }

    /**
     * The command line, ready to parse (once); an option given twice keeps its last value. {@code
     * --help} prints the usage.
     */
    static CommandLine commandLine() {
        return new CommandLine(new SimulatorArguments()).setOverwrittenOptionsAllowed(true);
    }

    /**
     * Reads and checks a command line; a bad one is an IllegalArgumentException with the reason.
     */
    static SimulatorOptions parse(String... args) {
        CommandLine cli = commandLine();
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return cli.<SimulatorArguments>getCommand().options();
    }

    /**
     * Where the messages go: Kafka (with further producer settings), or JSON lines ({@code
     * --dry-run} is {@code --out -}; of the two, the last one given counts).
     */
    static final class Destination {
        @Option(
                names = "--bootstrap",
                paramLabel = "HOST:PORT",
                description = "send to the Kafka cluster at HOST:PORT")
        String bootstrap;

        @Option(
                names = "--producer-config",
                paramLabel = "FILE",
                description = "Kafka producer settings (security.protocol, sasl.*, ssl.*)")
        Path producerConfig;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "JSON lines into FILE instead of Kafka ('-' for stdout)")
        Path out;

        @Option(names = "--dry-run", description = "JSON lines on stdout (--out -)")
        void dryRun(boolean dryRun) {
            out = Path.of("-");
        }

        /** Refuses neither or both of Kafka and JSON lines. */
        void check() {
            if ((bootstrap != null) == (out != null)) {
                throw new IllegalArgumentException("give either --bootstrap or --dry-run/--out");
            }
        }
    }

    private static void positive(Map<DeviceKind, Duration> periods, String option) {
        periods.forEach(
                (kind, d) -> {
                    if (d.isNegative() || d.isZero()) {
                        throw new IllegalArgumentException(
                                option + " " + kind + "=" + d + ": a period must be positive");
                    }
                });
    }

    private static String none(String id) {
        return id.equalsIgnoreCase("none") ? null : id;
    }

    /** A comma-separated list of device ids, each once, in order; "none" for none. */
    private static List<String> ids(String list) {
        if (list.isBlank() || list.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    }

    private static <T> Map<DeviceKind, T> kinds(String list, Function<String, T> value) {
        Map<DeviceKind, T> map = new EnumMap<>(DeviceKind.class);
        if (list == null || list.isBlank()) {
            return map;
        }
        for (String item : list.split(",")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected kind=value, got " + item);
            }
            map.put(kind(kv[0].trim()), value.apply(kv[1].trim()));
        }
        return map;
    }

    private static DeviceKind kind(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "panel" -> DeviceKind.PANEL;
            case "light", "sensor-light" -> DeviceKind.LIGHT;
            case "wind", "sensor-wind" -> DeviceKind.WIND;
            default -> throw new IllegalArgumentException("unknown device kind " + name);
        };
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException(
                    "not a duration: '" + text + "' (e.g. 500ms, 10s, 5m, 12h, 2d)");
        }
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            double n = Double.parseDouble(t.substring(0, t.length() - 1));
            long unit =
                    switch (t.charAt(t.length() - 1)) {
                        case 's' -> 1_000L;
                        case 'm' -> 60_000L;
                        case 'h' -> 3_600_000L;
                        case 'd' -> 86_400_000L;
                        default -> throw new IllegalArgumentException("no unit in " + text);
                    };
            return Duration.ofMillis(Math.round(n * unit));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    /** A duration as {@link #duration} reads it. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return duration(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An ISO-8601 instant with its offset ({@code 2026-06-21T00:00:00Z}). */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return IsoTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not an ISO-8601 instant with offset: " + text);
            }
        }
    }
}
