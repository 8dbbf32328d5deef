package io.controlautogeneracion.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run stopped, so that the next one goes on from there instead of sending the same hours
 * again: the last event time sent, the fault and outage onsets, each panel's energy counter with
 * its last power and instant (a counter that jumped at a restart would read as energy never
 * produced), and the messages offline devices hold, not sent yet (a restart must not lose them).
 */
record SimState(
        @JsonProperty("last_event_ms") long lastEventMs,
        @JsonProperty("fault_onset_ms") Long faultOnsetMs,
        @JsonProperty("offline_onset_ms") Long offlineOnsetMs,
        @JsonProperty("counters") Map<String, Counter> counters,
        @JsonProperty("buffered") Map<String, List<Buffered>> buffered) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Counter(
            @JsonProperty("energy_wh") double energyWh,
            @JsonProperty("power_w") double powerW,
            @JsonProperty("at_ms") long atMs) {}

    /** A message an offline device holds, as it will be sent. */
    record Buffered(
            @JsonProperty("kind") DeviceKind kind,
            @JsonProperty("topic") String topic,
            @JsonProperty("key") String key,
            @JsonProperty("value") String value,
            @JsonProperty("event_ms") long eventMs,
            @JsonProperty("malformation") Malformation malformation) {

        static Buffered of(Message m) {
            return new Buffered(m.kind(), m.topic(), m.key(), m.value(), m.eventMs(), m.bad());
        }

        Message message() {
            return new Message(kind, topic, key, value, eventMs, malformation);
        }
    }

    SimState {
        counters = new TreeMap<>(counters == null ? Map.of() : counters);
        Map<String, List<Buffered>> held = new TreeMap<>();
        if (buffered != null) {
            buffered.forEach((id, messages) -> held.put(id, List.copyOf(messages)));
        }
        buffered = held;
    }

    static SimState read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), SimState.class);
        } catch (IOException e) {
            throw new SimulatorException("cannot read the simulator state " + file + ": " + e, e);
        }
    }

    /** Writes atomically (a temporary file moved over the old one). */
    void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "state", ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SimulatorException("cannot write the simulator state " + file + ": " + e, e);
        }
    }
}
