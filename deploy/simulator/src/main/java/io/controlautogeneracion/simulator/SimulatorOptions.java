package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The simulator's options, checked ({@link SimulatorArguments} reads them from the command line).
 */
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

    /** The reading periods of each kind unless {@code --period} says otherwise. */
    static final String DEFAULT_PERIODS = "panel=1m,light=1m,wind=1s";

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
}
