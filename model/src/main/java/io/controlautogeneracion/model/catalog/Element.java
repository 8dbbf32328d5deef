package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A type of device (AddNewElement): a panel, light sensor or anemometer model with its nominal
 * figures and alarm thresholds. Identified by {@code kind} and {@code model}; installed units name
 * their element through {@code model}.
 *
 * @param powerCap nominal power in Wp (panels, reference panel of a light sensor)
 * @param efficiency module efficiency, 0–1
 * @param areaM2 module area in m²
 * @param liveCicle expected service life in years
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Element(
        @JsonProperty("kind") @DeviceKindName DeviceKind kind,
        @JsonProperty("model") String model,
        @JsonProperty("manufacturer") String manufacturer,
        @JsonProperty("power_cap") Double powerCap,
        @JsonProperty("efficiency") Double efficiency,
        @JsonProperty("area_m2") Double areaM2,
        @JsonProperty("price") BigDecimal price,
        @JsonProperty("live_cicle") Integer liveCicle,
        @JsonProperty("thresholds") AlarmThresholds thresholds,
        @JsonProperty("variable_data") Map<String, Object> variableData) {}
