package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code sensor_alarm}: a light sensor looked wrong (near zero or frozen in daylight, or
 * a drop against previous days) in the hour starting at {@code timestamp}. {@code power_low} is the
 * shortfall in W of the reference panel's estimated power: what the sensor's site should have given
 * it minus what the readings give it, never negative.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = SensorAlarmRow.Json.class)
public record SensorAlarmRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("light_id") String lightId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("power_low") double powerLow,
        @JsonProperty("text_alarm") String textAlarm) {

    public SensorAlarmRow {
        Objects.requireNonNull(lightId, "lightId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(textAlarm, "textAlarm");
        if (!(powerLow >= 0)) {
            throw new IllegalArgumentException("power_low must not be negative, got " + powerLow);
        }
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static SensorAlarmRow fromRow(RowReader row) {
        return new SensorAlarmRow(
                row.enrichment(),
                row.text("light_id"),
                row.instant("timestamp"),
                row.requiredNumber("power_low"),
                row.text("text_alarm"));
    }

    static final class Json extends RowReader.Deserializer<SensorAlarmRow> {
        Json() {
            super(SensorAlarmRow.class, SensorAlarmRow::fromRow);
        }
    }
}
