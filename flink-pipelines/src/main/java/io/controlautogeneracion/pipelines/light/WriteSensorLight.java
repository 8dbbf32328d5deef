package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.nio.file.Path;
import java.util.List;

/**
 * WriteSensorLight: a run's {@code light_report} and {@code sensor_alarm} rows as JSON-lines files,
 * each loaded by a Druid task that replaces the run's hours.
 */
public final class WriteSensorLight {
    private final DruidLoad load;
    private final Path workDir;

    public WriteSensorLight(DruidLoad load, Path workDir) {
        this.load = load;
        this.workDir = workDir;
    }

    public void write(HourRange range, List<LightReportRow> reports, List<SensorAlarmRow> alarms) {
        load.replaceWith("light_report", range, workDir, reports);
        load.replaceWith("sensor_alarm", range, workDir, alarms);
    }
}
