package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.DruidLoad;
import io.controlautogeneracion.pipelines.batch.HourRange;
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
        load.replaceWith("panel_report", range, workDir, reports);
        load.replaceWith("panel_alarm", range, workDir, alarms);
    }
}
