package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.landing.HourPartitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/** Writes landed JSON lines the way the landing job lays them out, for the batch tests. */
public final class LandingFiles {
    private final Path base;

    public LandingFiles(Path base) {
        this.base = base;
    }

    public Path base() {
        return base;
    }

    public LandingFiles panel(String panelId, Instant t, double watts, Double counter) {
        String line =
                String.format(
                        Locale.ROOT,
                        "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":%s%s}",
                        panelId,
                        t,
                        watts,
                        counter == null ? "" : ",\"energy_wh\":" + counter);
        return line("panel", t, line);
    }

    public LandingFiles light(String lightId, Instant t, double lux) {
        return line(
                "sensor-light",
                t,
                String.format(
                        Locale.ROOT,
                        "{\"light_id\":\"%s\",\"timestamp\":\"%s\",\"lux\":%s}",
                        lightId,
                        t,
                        lux));
    }

    /** A raw line in the hour of {@code t} (a damaged file, for instance). */
    public LandingFiles line(String topic, Instant t, String line) {
        return line(topic, t, line, "part-0.json");
    }

    /** A raw line in the hour of {@code t}, in the given file (a late file, for instance). */
    public LandingFiles line(String topic, Instant t, String line, String file) {
        Path dir = HourPartitions.directory(base, topic, t);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(file),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public LandingFiles close(String topic, Instant slot) {
        HourPartitions.close(HourPartitions.directory(base, topic, slot));
        return this;
    }
}
