package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code light_report}: a light sensor's hour starting at {@code timestamp}, with the
 * irradiance derived from lux, the power a reference panel would produce there, and the optimal
 * tilt and azimuth (degrees, 180 = south); estimates are null when they cannot be computed (no
 * location, no power_cap, sun below the horizon).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = LightReportRow.Json.class)
public record LightReportRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("light_id") String lightId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("lux_avg") double luxAvg,
        @JsonProperty("lux_max") double luxMax,
        @JsonProperty("irradiance_wm2") double irradianceWm2,
        @JsonProperty("estimated_power_w") Double estimatedPowerW,
        @JsonProperty("optimal_tilt") Double optimalTilt,
        @JsonProperty("optimal_azimuth") Double optimalAzimuth,
        @JsonProperty("samples") int samples) {

    public LightReportRow {
        Objects.requireNonNull(lightId, "lightId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static LightReportRow fromRow(RowReader row) {
        return new LightReportRow(
                row.enrichment(),
                row.text("light_id"),
                row.instant("timestamp"),
                row.requiredNumber("lux_avg"),
                row.requiredNumber("lux_max"),
                row.requiredNumber("irradiance_wm2"),
                row.number("estimated_power_w"),
                row.number("optimal_tilt"),
                row.number("optimal_azimuth"),
                (int) row.requiredInteger("samples"));
    }

    static final class Json extends RowReader.Deserializer<LightReportRow> {
        Json() {
            super(LightReportRow.class, LightReportRow::fromRow);
        }
    }
}
