package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * WriteSensorLight: a run's {@code light_report} and {@code sensor_alarm} rows as JSON-lines files,
 * each loaded by a Druid task that replaces the hours the run read.
 */
public final class WriteSensorLight {
    private final DruidLoad load;
    private final Path workDir;

    public WriteSensorLight(DruidLoad load, Path workDir) {
        this.load = load;
        this.workDir = workDir;
    }

    /** Replaces the hours of {@code slots} (those the run read) with the rows. */
    public void write(
            Collection<Instant> slots, List<LightReportRow> reports, List<SensorAlarmRow> alarms) {
        load.replaceHours("light_report", slots, workDir, reports);
        load.replaceHours("sensor_alarm", slots, workDir, alarms);
    }
}
