package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.druid.LightReportRow;
import io.controlautogeneracion.model.druid.SensorAlarmRow;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.RowFiles;
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
        load.replace(
                "light_report",
                range,
                RowFiles.write(dir("light_report", range), "rows.json", reports));
        load.replace(
                "sensor_alarm",
                range,
                RowFiles.write(dir("sensor_alarm", range), "rows.json", alarms));
    }

    private Path dir(String datasource, HourRange range) {
        return workDir.resolve(datasource)
                .resolve(range.from().toString().replace(':', '-') + "_" + range.hours() + "h");
    }
}
