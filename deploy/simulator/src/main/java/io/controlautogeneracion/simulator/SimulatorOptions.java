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
import java.util.stream.Collectors;

/** The simulator's command line ({@link #USAGE}). */
record SimulatorOptions(
        String bootstrap,
        Path out,
        long seed,
        double backfillDays,
        Instant from,
        Instant to,
        double speed,
        Duration duration,
        Map<DeviceKind, Duration> period,
        Map<DeviceKind, Duration> backfillPeriod,
        double rate,
        int devices,
        double malformed,
        Duration faultAfter,
        String faultPanel,
        String faultLight,
        String faultWind,
        List<String> offline,
        Duration offlineAfter,
        Duration offlineFor,
        Path fleet,
        Path stateFile,
        Duration progressEvery,
        Map<DeviceKind, String> topics,
        Path producerConfig) {

    static final String USAGE =
            """
            usage: Simulator (--bootstrap HOST:PORT | --dry-run | --out FILE) [options]
              --seed N                 randomness seed (default 42); same seed and range, same bytes
              --from T --to T          simulate exactly [from, to) (ISO-8601) at full speed, then stop
              --backfill-days D        first send the past D days (≤ 6) at full speed (default 0)
              --speed F                live event-time speed factor (default 1 = real time)
              --duration D             stop live after D (e.g. 10m; default: run until stopped)
              --period K=D,…           reading period per kind (default panel=1m,light=1m,wind=1s)
              --backfill-period K=D,…  coarser periods for the back-fill (default: the live ones)
              --rate F                 multiply every device's reading rate by F (default 1)
              --devices N              multiply the fleet N times (load generation; default 1)
              --malformed S            share of malformed or out-of-range messages (default 0.01)
              --fault-after D          faults start D after the first simulated instant (default 12h)
              --fault-panel ID         under-producing panel (default P-00026; "none" for none)
              --fault-light ID         frozen light sensor (default L-0003)
              --fault-wind ID          silent anemometer (default W-0005)
              --offline ID,…           panels and light sensors that go offline for a while, buffer
                                       their messages and send them all on reconnection (default none)
              --offline-after D        they go offline D after the first simulated instant (default 12h)
              --offline-for D          and stay offline for D (default 2h)
              --fleet FILE             fleet document (default: the catalog's demo/fleet.json)
              --state FILE             resume from / save to this file (counters, last instant,
                                       offline devices' buffered messages)
              --progress D             progress line every D of wall time (default 10s)
              --topic K=NAME,…         topic per kind (default panel, sensor-light, sensor-wind)
              --producer-config FILE   Kafka producer settings (security.protocol, sasl.*, ssl.*)
            durations: 500ms, 30s, 5m, 2h, 1d or ISO-8601 (PT1M)
            """;

    static SimulatorOptions parse(String... args) {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + key);
            }
            key = key.substring(2);
            if (key.equals("dry-run")) {
                a.put("out", "-");
            } else if (i + 1 < args.length) {
                a.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        java.util.Set<String> known =
                java.util.Set.of(
                        "bootstrap",
                        "out",
                        "seed",
                        "backfill-days",
                        "from",
                        "to",
                        "speed",
                        "duration",
                        "period",
                        "backfill-period",
                        "rate",
                        "devices",
                        "malformed",
                        "fault-after",
                        "fault-panel",
                        "fault-light",
                        "fault-wind",
                        "offline",
                        "offline-after",
                        "offline-for",
                        "fleet",
                        "state",
                        "progress",
                        "topic",
                        "producer-config");
        for (String key : a.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        if (a.containsKey("bootstrap") == a.containsKey("out")) {
            throw new IllegalArgumentException("give either --bootstrap or --dry-run/--out");
        }
        Map<DeviceKind, Duration> period = new EnumMap<>(DeviceKind.class);
        period.put(DeviceKind.PANEL, Duration.ofMinutes(1));
        period.put(DeviceKind.LIGHT, Duration.ofMinutes(1));
        period.put(DeviceKind.WIND, Duration.ofSeconds(1));
        period.putAll(kinds(a.get("period"), SimulatorOptions::duration));
        Map<DeviceKind, Duration> backfill = new EnumMap<>(period);
        backfill.putAll(kinds(a.get("backfill-period"), SimulatorOptions::duration));
        positive(period, "--period");
        positive(backfill, "--backfill-period");
        double days = Double.parseDouble(a.getOrDefault("backfill-days", "0"));
        if (days < 0 || days > 6) {
            // Readings older than 7 days are invalid (SPEC §3): a longer back-fill is all alarms.
            throw new IllegalArgumentException(
                    "--backfill-days must be within [0, 6], got " + days);
        }
        Instant from = a.containsKey("from") ? instant(a.get("from")) : null;
        Instant to = a.containsKey("to") ? instant(a.get("to")) : null;
        if ((from == null) != (to == null) || (from != null && !from.isBefore(to))) {
            throw new IllegalArgumentException("--from and --to go together, from before to");
        }
        double speed = Double.parseDouble(a.getOrDefault("speed", "1"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "1"));
        int devices = Integer.parseInt(a.getOrDefault("devices", "1"));
        double malformed = Double.parseDouble(a.getOrDefault("malformed", "0.01"));
        if (!(speed > 0) || !(rate > 0) || devices < 1 || !(malformed >= 0 && malformed <= 1)) {
            throw new IllegalArgumentException(
                    "--speed and --rate must be > 0, --devices >= 1, --malformed within [0, 1]");
        }
        Duration offlineAfter = duration(a.getOrDefault("offline-after", "12h"));
        Duration offlineFor = duration(a.getOrDefault("offline-for", "2h"));
        if (offlineAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "--offline-after must not be negative, got " + offlineAfter);
        }
        if (offlineFor.isNegative() || offlineFor.isZero()) {
            throw new IllegalArgumentException("--offline-for must be positive, got " + offlineFor);
        }
        return new SimulatorOptions(
                a.get("bootstrap"),
                a.containsKey("out") ? Path.of(a.get("out")) : null,
                Long.parseLong(a.getOrDefault("seed", "42")),
                days,
                from,
                to,
                speed,
                a.containsKey("duration") ? duration(a.get("duration")) : null,
                period,
                backfill,
                rate,
                devices,
                malformed,
                duration(a.getOrDefault("fault-after", "12h")),
                none(a.getOrDefault("fault-panel", "P-00026")),
                none(a.getOrDefault("fault-light", "L-0003")),
                none(a.getOrDefault("fault-wind", "W-0005")),
                ids(a.getOrDefault("offline", "none")),
                offlineAfter,
                offlineFor,
                a.containsKey("fleet") ? Path.of(a.get("fleet")) : null,
                a.containsKey("state") ? Path.of(a.get("state")) : null,
                duration(a.getOrDefault("progress", "10s")),
                kinds(a.get("topic"), s -> s),
                a.containsKey("producer-config") ? Path.of(a.get("producer-config")) : null);
    }

    boolean dryRun() {
        return out != null;
    }

    /**
     * Refuses {@code --offline} ids that are not panels or light sensors of the fleet (which is
     * known only once loaded, after the command line is read).
     */
    void checkOffline(List<SimDevice> fleet) {
        Map<String, DeviceKind> kinds =
                fleet.stream()
                        .collect(Collectors.toMap(SimDevice::id, SimDevice::kind, (a, b) -> a));
        for (String id : offline) {
            DeviceKind kind = kinds.get(id);
            if (kind == null) {
                throw new IllegalArgumentException(
                        "--offline " + id + ": no such panel or light sensor in the fleet");
            }
            if (kind == DeviceKind.WIND) {
                // Anemometers feed the wind job's one-second windows, which leave out readings
                // that come after their second is emitted: buffered ones would all be dropped.
                throw new IllegalArgumentException(
                        "--offline "
                                + id
                                + ": an anemometer; only panels and light sensors can go offline"
                                + " and send their buffered readings later (the wind job drops"
                                + " readings hours late: use --fault-wind for a silent one)");
            }
        }
    }

    /** The periods divided by the rate factor (at least 1 ms). */
    Map<DeviceKind, Duration> scaled(Map<DeviceKind, Duration> periods) {
        Map<DeviceKind, Duration> scaled = new EnumMap<>(DeviceKind.class);
        periods.forEach(
                (k, d) ->
                        scaled.put(
                                k,
                                Duration.ofMillis(Math.max(1, Math.round(d.toMillis() / rate)))));
        return scaled;
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

    private static <T> Map<DeviceKind, T> kinds(
            String list, java.util.function.Function<String, T> value) {
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

    private static Instant instant(String text) {
        try {
            return IsoTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant with offset: " + text, e);
        }
    }
}
