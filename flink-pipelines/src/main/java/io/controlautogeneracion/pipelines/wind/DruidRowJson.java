package io.controlautogeneracion.pipelines.wind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.model.druid.WindAlarmRow;
import java.time.Instant;

/**
 * JSON of the rows the job writes: the model's Druid row with its column names, plus {@code
 * enrichment_status}; a silent-sensor alarm is a {@code wind_alarm} row with level {@code silent}
 * and a null {@code wind_speed} (the model's row knows only the two wind levels).
 */
final class DruidRowJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private DruidRowJson() {}

    static byte[] readingRow(WindSecond second) {
        ObjectNode node = MAPPER.valueToTree(second.row());
        node.put("enrichment_status", second.status().column());
        return bytes(node);
    }

    static byte[] alarmRow(WindAlarm alarm) {
        boolean silent = alarm.level() == AlarmLevel.SILENT;
        WindAlarmRow row =
                new WindAlarmRow(
                        alarm.enrichment().toEnrichment(),
                        alarm.windId(),
                        Instant.ofEpochMilli(alarm.timestamp()),
                        silent ? null : alarm.windSpeed(),
                        alarm.textAlarm(),
                        WindAlarmRow.Level.valueOf(alarm.level().name()),
                        Instant.ofEpochMilli(alarm.episodeStart()),
                        alarm.episodeEnd() == null
                                ? null
                                : Instant.ofEpochMilli(alarm.episodeEnd()));
        ObjectNode node = MAPPER.valueToTree(row);
        node.put("enrichment_status", alarm.status().column());
        return bytes(node);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Druid row", e);
        }
    }
}
