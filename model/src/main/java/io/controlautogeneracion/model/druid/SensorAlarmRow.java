package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code sensor_alarm}: a light sensor looked wrong (near zero or frozen in daylight, or
 * a drop against previous days) in the hour starting at {@code timestamp}. {@code power_low} is the
 * shortfall of the estimated power in W, null when the alarm is not about a shortfall.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = SensorAlarmRow.Json.class)
public record SensorAlarmRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("light_id") String lightId,
        @JsonProperty("timestamp") @DruidJson.IsoInstant Instant timestamp,
        @JsonProperty("power_low") Double powerLow,
        @JsonProperty("text_alarm") String textAlarm) {

    public SensorAlarmRow {
        Objects.requireNonNull(lightId, "lightId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(textAlarm, "textAlarm");
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static SensorAlarmRow fromRow(RowReader row) {
        return new SensorAlarmRow(
                row.enrichment(),
                row.text("light_id"),
                row.instant("timestamp"),
                row.number("power_low"),
                row.text("text_alarm"));
    }

    static final class Json extends RowReader.Deserializer<SensorAlarmRow> {
        Json() {
            super(SensorAlarmRow.class, SensorAlarmRow::fromRow);
        }
    }
}
