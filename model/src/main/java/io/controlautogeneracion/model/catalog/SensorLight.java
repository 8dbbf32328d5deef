package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.time.IsoDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An installed light sensor (seed document {@code sensor_light}); {@code power_cap} is the Wp of
 * the reference panel its estimates are computed for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SensorLight(
        @JsonProperty("light_id") String lightId,
        @JsonProperty("model") String model,
        @JsonProperty("manufacture_date") @IsoDate LocalDate manufactureDate,
        @JsonProperty("install_date") @IsoDate LocalDate installDate,
        @JsonProperty("power_cap") Double powerCap,
        @JsonProperty("variable_data") Map<String, Object> variableData,
        @JsonProperty("sensor_price") BigDecimal sensorPrice,
        @JsonProperty("live_cicle") Integer liveCicle,
        @JsonProperty("end_date") @IsoDate LocalDate endDate)
        implements Device {

    @Override
    public DeviceKind kind() {
        return DeviceKind.LIGHT;
    }

    @Override
    public String deviceId() {
        return lightId;
    }
}
