package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.time.IsoDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** An installed anemometer (seed document {@code sensor_wind}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SensorWind(
        @JsonProperty("wind_id") String windId,
        @JsonProperty("model") String model,
        @JsonProperty("manufacture_date") @IsoDate LocalDate manufactureDate,
        @JsonProperty("install_date") @IsoDate LocalDate installDate,
        @JsonProperty("variable_data") Map<String, Object> variableData,
        @JsonProperty("sensor_price") BigDecimal sensorPrice,
        @JsonProperty("live_cicle") Integer liveCicle,
        @JsonProperty("end_date") @IsoDate LocalDate endDate)
        implements Device {

    @Override
    public DeviceKind kind() {
        return DeviceKind.WIND;
    }

    @Override
    public String deviceId() {
        return windId;
    }
}
