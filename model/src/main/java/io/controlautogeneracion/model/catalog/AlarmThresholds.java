package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Alarm thresholds of an element type; a null figure means "use the job's default".
 *
 * @param minProductionRatio panels: share of the expected hourly energy below which production is
 *     an alarm (SPEC default 0.7)
 * @param luxDropRatio light sensors: share of the previous days' reading at the same hour below
 *     which a drop is an alarm
 * @param windWarningSpeed anemometers: warning threshold in m/s
 * @param windStormSpeed anemometers: storm threshold in m/s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlarmThresholds(
        @JsonProperty("min_production_ratio") Double minProductionRatio,
        @JsonProperty("lux_drop_ratio") Double luxDropRatio,
        @JsonProperty("wind_warning_speed") Double windWarningSpeed,
        @JsonProperty("wind_storm_speed") Double windStormSpeed) {}
