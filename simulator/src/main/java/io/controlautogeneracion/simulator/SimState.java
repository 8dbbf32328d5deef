package io.controlautogeneracion.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run stopped, so that the next one goes on from there instead of sending the same hours
 * again: the last event time sent, the fault onset, and each panel's energy counter with its last
 * power and instant (a counter that jumped at a restart would read as energy never produced).
 */
record SimState(
        @JsonProperty("last_event_ms") long lastEventMs,
        @JsonProperty("fault_onset_ms") Long faultOnsetMs,
        @JsonProperty("counters") Map<String, Counter> counters) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Counter(
            @JsonProperty("energy_wh") double energyWh,
            @JsonProperty("power_w") double powerW,
            @JsonProperty("at_ms") long atMs) {}

    SimState {
        counters = new TreeMap<>(counters == null ? Map.of() : counters);
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
