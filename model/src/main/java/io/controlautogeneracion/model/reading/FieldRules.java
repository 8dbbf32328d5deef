package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.model.time.IsoTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules of SPEC §3 on a message's own fields, after its id: the timestamp (its form, at most
 * {@link ValidationRules#maxFuture} ahead of the clock and {@link ValidationRules#maxAge} old) and
 * each kind's measurements (finite JSON numbers within their physical ranges). Failures go to the
 * message's {@link FieldChecks}, the first one kept.
 */
final class FieldRules {

    private static final String TIMESTAMP = "timestamp";

    private final ValidationRules rules;
    private final Clock clock;
    // The age bound as a negative offset from now: Duration.negated() multiplies through
    // BigDecimal, too dear for every message.
    private final Duration oldestAhead;

    FieldRules(ValidationRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.oldestAhead = rules.maxAge().negated();
    }

    /** The clock's time, which {@link #timestamp}'s bounds are measured from. */
    Instant now() {
        return clock.instant();
    }

    /**
     * The event time if it could be read (even when out of bounds), else null; its bounds are
     * measured from {@code now}.
     */
    Instant timestamp(MessageFields message, FieldChecks checks, Instant now) {
        JsonNode node = message.get(TIMESTAMP);
        if (node == null) {
            checks.fail("required field 'timestamp' is missing");
            return null;
        }
        Instant instant;
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                checks.fail("field 'timestamp' is " + node.asText() + ", too large for epoch ms");
                return null;
            }
            instant = Instant.ofEpochMilli(node.longValue());
        } else if (node.isTextual()) {
            instant = IsoTime.parseOrNull(node.textValue());
            if (instant == null) {
                checks.fail(
                        "field 'timestamp' is "
                                + FieldChecks.describe(node)
                                + ", not an ISO-8601 date-time with offset"
                                + " (e.g. 2026-11-28T13:00:05Z)");
                return null;
            }
        } else {
            checks.fail(
                    "field 'timestamp' is "
                            + FieldChecks.describe(node)
                            + ", expected an ISO-8601 string with offset or integer epoch"
                            + " milliseconds");
            return null;
        }
        // Compare durations rather than now.plus(bound): a generous bound such as 10 000 years
        // must not overflow Instant.
        Duration ahead = Duration.between(now, instant);
        if (ahead.compareTo(rules.maxFuture()) > 0) {
            checks.fail(
                    "field 'timestamp' is "
                            + instant
                            + ", "
                            + Durations.describe(ahead)
                            + " in the future, more than the "
                            + Durations.describe(rules.maxFuture())
                            + " allowed");
        } else if (ahead.compareTo(oldestAhead) < 0) {
            checks.fail(
                    "field 'timestamp' is "
                            + instant
                            + ", "
                            + Durations.describe(ahead.negated())
                            + " old, older than the maximum age of "
                            + Durations.describe(rules.maxAge()));
        }
        return instant;
    }

    Reading measurements(DeviceKind kind, String id, Instant ts, FieldChecks checks) {
        switch (kind) {
            case PANEL:
                double power = checks.requiredNumber("power_w");
                Double energy = checks.optionalNumber("energy_wh");
                Double voltage = checks.optionalNumber("voltage_v");
                Double current = checks.optionalNumber("current_a");
                Double temperature = checks.optionalNumber("temperature_c");
                checks.atLeastZero("power_w", power);
                checks.atLeastZero("energy_wh", energy);
                return checks.failure() != null
                        ? null
                        : new PanelReading(id, ts, power, energy, voltage, current, temperature);
            case LIGHT:
                double lux = checks.requiredNumber("lux");
                Double lightTemperature = checks.optionalNumber("temperature_c");
                checks.atLeastZero("lux", lux);
                checks.atMost("lux", lux, rules.maxLux());
                return checks.failure() != null
                        ? null
                        : new LightReading(id, ts, lux, lightTemperature);
            case WIND:
                double speed = checks.requiredNumber("wind_speed");
                Double direction = checks.optionalNumber("wind_direction");
                Double gust = checks.optionalNumber("gust");
                checks.atLeastZero("wind_speed", speed);
                checks.atMost("wind_speed", speed, rules.maxWindSpeed());
                checks.between("wind_direction", direction, 0, 360);
                checks.atLeastZero("gust", gust);
                checks.atMost("gust", gust, rules.maxWindSpeed());
                return checks.failure() != null
                        ? null
                        : new WindReading(id, ts, speed, direction, gust);
            default:
                throw new IllegalArgumentException("unknown device kind " + kind);
        }
    }
}
