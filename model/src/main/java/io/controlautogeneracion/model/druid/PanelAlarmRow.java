package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code panel_alarm}: a panel produced less than expected in the hour starting at
 * {@code timestamp}; {@code power_low} is the shortfall in Wh (expected minus actual).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = PanelAlarmRow.Json.class)
public record PanelAlarmRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("panel_id") String panelId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("power_low") double powerLow,
        @JsonProperty("text_alarm") String textAlarm) {

    public PanelAlarmRow {
        Objects.requireNonNull(panelId, "panelId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(textAlarm, "textAlarm");
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static PanelAlarmRow fromRow(RowReader row) {
        return new PanelAlarmRow(
                row.enrichment(),
                row.text("panel_id"),
                row.instant("timestamp"),
                row.requiredNumber("power_low"),
                row.text("text_alarm"));
    }

    static final class Json extends RowReader.Deserializer<PanelAlarmRow> {
        Json() {
            super(PanelAlarmRow.class, PanelAlarmRow::fromRow);
        }
    }
}
