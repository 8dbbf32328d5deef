package io.controlautogeneracion.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixtures: the demo fleet (or part of it) run over a range into a list of messages. */
final class SimRuns {

    static final List<SimDevice> FLEET = DemoFleet.load(null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimRuns() {}

    static List<SimDevice> only(String... ids) {
        Set<String> wanted = Set.of(ids);
        return FLEET.stream().filter(d -> wanted.contains(d.id())).toList();
    }

    static SimDevice device(String id) {
        return only(id).get(0);
    }

    static GeneratorConfig config(
            long seed, Duration panel, Duration light, Duration wind, double malformed, Faults f) {
        return config(seed, panel, light, wind, malformed, f, Outage.none());
    }

    static GeneratorConfig config(
            long seed,
            Duration panel,
            Duration light,
            Duration wind,
            double malformed,
            Faults f,
            Outage outage) {
        Map<DeviceKind, Duration> period = new EnumMap<>(DeviceKind.class);
        period.put(DeviceKind.PANEL, panel);
        period.put(DeviceKind.LIGHT, light);
        period.put(DeviceKind.WIND, wind);
        return new GeneratorConfig(seed, period, Map.of(), null, malformed, f, Map.of(), outage);
    }

    static List<Message> run(
            List<SimDevice> fleet, GeneratorConfig config, Instant from, Instant to) {
        Generator g = new Generator(fleet, config, from, null);
        List<Message> out = new ArrayList<>();
        Message m;
        while ((m = g.next(to.toEpochMilli())) != null) {
            out.add(m);
        }
        return out;
    }

    static JsonNode json(Message m) {
        try {
            return JSON.readTree(m.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
