package io.controlautogeneracion.dashboards;

import io.controlautogeneracion.druid.DruidClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads the {@link Fleet} into every datasource through the datasources' own specs, each load
 * replacing its interval (so loading again, from another test class, gives the same rows), and
 * waits until Druid answers with all of it.
 */
final class FleetLoads {
    static final Duration DRUID_WAIT = Duration.ofMinutes(4);

    private FleetLoads() {}

    static void load(DruidClient druid, Fleet fleet) {
        List<DruidLoads.Load> loads =
                List.of(
                        DruidLoads.fromTaskTemplate(
                                "panel_report", Fleet.BATCH_INTERVAL, fleet.panelReport()),
                        DruidLoads.fromTaskTemplate(
                                "panel_alarm", Fleet.BATCH_INTERVAL, fleet.panelAlarm()),
                        DruidLoads.fromTaskTemplate(
                                "light_report", Fleet.BATCH_INTERVAL, fleet.lightReport()),
                        DruidLoads.fromTaskTemplate(
                                "sensor_alarm", Fleet.BATCH_INTERVAL, fleet.sensorAlarm()),
                        DruidLoads.fromSupervisor(
                                "topic_stats", Fleet.BATCH_INTERVAL, fleet.topicStats()),
                        DruidLoads.fromSupervisor(
                                "topic_stats", fleet.windInterval(), fleet.recentTopicStats()),
                        DruidLoads.fromSupervisor(
                                "wind_reading", fleet.windInterval(), fleet.windReading()),
                        DruidLoads.fromSupervisor(
                                "wind_alarm", fleet.windInterval(), fleet.windAlarm()));
        List<String> taskIds = loads.stream().map(l -> druid.submitTask(l.task())).toList();
        for (String id : taskIds) {
            druid.awaitTaskSuccess(id, DRUID_WAIT);
        }
        for (DruidLoads.Load load : loads) {
            String[] interval = load.interval().split("/");
            druid.awaitSql(
                    "SELECT COUNT(*) AS n FROM "
                            + load.datasource()
                            + " WHERE __time >= ? AND __time < ?",
                    rows -> count(rows) == load.rows(),
                    DRUID_WAIT,
                    Instant.parse(interval[0]),
                    Instant.parse(interval[1]));
            // The broker learns a datasource's columns from its segments a little after they load;
            // wait until it knows every column of the spec, so no query meets a half-known table.
            druid.awaitSql(
                    "SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'druid' AND TABLE_NAME = ?",
                    rows -> count(rows) == load.columns().size(),
                    DRUID_WAIT,
                    load.datasource());
        }
    }

    static long count(List<Map<String, Object>> rows) {
        return rows.isEmpty() ? -1 : ((Number) rows.get(0).get("n")).longValue();
    }
}
