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
 * An installed solar panel (seed document {@code panel}); {@code power_cap} in Wp, {@code
 * live_cicle} in years, optional {@code tilt} and {@code azimuth} in degrees (azimuth 180 = south).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Panel(
        @JsonProperty("panel_id") String panelId,
        @JsonProperty("model") String model,
        @JsonProperty("manufacture_date") @IsoDate LocalDate manufactureDate,
        @JsonProperty("install_date") @IsoDate LocalDate installDate,
        @JsonProperty("power_cap") Double powerCap,
        @JsonProperty("panel_price") BigDecimal panelPrice,
        @JsonProperty("panel_sold") BigDecimal panelSold,
        @JsonProperty("live_cicle") Integer liveCicle,
        @JsonProperty("variable_data") Map<String, Object> variableData,
        @JsonProperty("end_date") @IsoDate LocalDate endDate,
        @JsonProperty("tilt") Double tilt,
        @JsonProperty("azimuth") Double azimuth)
        implements Device {

    @Override
    public DeviceKind kind() {
        return DeviceKind.PANEL;
    }

    @Override
    public String deviceId() {
        return panelId;
    }
}
