package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.RowFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * WritePanel: a run's {@code panel_report} and {@code panel_alarm} rows as JSON-lines files, each
 * loaded by a Druid task that replaces the run's hours, so a re-run gives the same rows (and an
 * hour whose alarms went away loses them).
 */
public final class WritePanel {
    private final DruidLoad load;
    private final Path workDir;

    public WritePanel(DruidLoad load, Path workDir) {
        this.load = load;
        this.workDir = workDir;
    }

    public void write(HourRange range, List<PanelReportRow> reports, List<PanelAlarmRow> alarms) {
        load.replace(
                "panel_report",
                range,
                RowFiles.write(dir("panel_report", range), "rows.json", reports));
        load.replace(
                "panel_alarm",
                range,
                RowFiles.write(dir("panel_alarm", range), "rows.json", alarms));
    }

    private Path dir(String datasource, HourRange range) {
        return workDir.resolve(datasource)
                .resolve(range.from().toString().replace(':', '-') + "_" + range.hours() + "h");
    }
}
