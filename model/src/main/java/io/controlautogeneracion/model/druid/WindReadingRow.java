package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code wind_reading}: the enriched readings of one anemometer in the 1-second window
 * starting at {@code timestamp}. Gust and direction are null when no reading of the window had
 * them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = WindReadingRow.Json.class)
public record WindReadingRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("wind_id") String windId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("wind_speed_avg") double windSpeedAvg,
        @JsonProperty("wind_speed_max") double windSpeedMax,
        @JsonProperty("gust_max") Double gustMax,
        @JsonProperty("wind_direction") Double windDirection,
        @JsonProperty("samples") int samples) {

    public WindReadingRow {
        Objects.requireNonNull(windId, "windId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static WindReadingRow fromRow(RowReader row) {
        return new WindReadingRow(
                row.enrichment(),
                row.text("wind_id"),
                row.instant("timestamp"),
                row.requiredNumber("wind_speed_avg"),
                row.requiredNumber("wind_speed_max"),
                row.number("gust_max"),
                row.number("wind_direction"),
                (int) row.requiredInteger("samples"));
    }

    static final class Json extends RowReader.Deserializer<WindReadingRow> {
        Json() {
            super(WindReadingRow.class, WindReadingRow::fromRow);
        }
    }
}
