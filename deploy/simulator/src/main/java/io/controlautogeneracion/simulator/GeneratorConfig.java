package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the generator needs besides the fleet: the seed, the reading period per device kind (a
 * coarser one may apply before {@code liveFrom}, for a lighter back-fill), the share of malformed
 * messages, the faults, the topics and the devices' outage (none when null).
 */
record GeneratorConfig(
        long seed,
        Map<DeviceKind, Duration> period,
        Map<DeviceKind, Duration> backfillPeriod,
        Instant liveFrom,
        double malformedShare,
        Faults faults,
        Map<DeviceKind, String> topics,
        Outage outage) {

    GeneratorConfig {
        outage = outage == null ? Outage.none() : outage;
        period = enumMap(period);
        backfillPeriod = enumMap(backfillPeriod);
        topics = enumMap(topics);
        for (DeviceKind kind : DeviceKind.values()) {
            if (!period.containsKey(kind) || period.get(kind).toMillis() < 1) {
                throw new IllegalArgumentException("the period of " + kind + " must be >= 1 ms");
            }
            backfillPeriod.putIfAbsent(kind, period.get(kind));
            topics.putIfAbsent(kind, kind.defaultTopic());
        }
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            throw new IllegalArgumentException(
                    "the malformed share must be within [0, 1], got " + malformedShare);
        }
    }

    private static <T> Map<DeviceKind, T> enumMap(Map<DeviceKind, T> map) {
        Map<DeviceKind, T> copy = new EnumMap<>(DeviceKind.class);
        copy.putAll(map);
        return copy;
    }

    long periodMs(DeviceKind kind, long ms) {
        Map<DeviceKind, Duration> p =
                liveFrom != null && ms < liveFrom.toEpochMilli() ? backfillPeriod : period;
        return p.get(kind).toMillis();
    }
}
