package io.controlautogeneracion.catalog.install;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.time.IsoInstantOrDate;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * AddNewInstall: one unit (exactly one of {@code panel}, {@code sensor_light}, {@code sensor_wind})
 * and its relation to a client from {@code init_date} (until {@code end_date}, if any).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallRequest(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("init_date") @IsoInstantOrDate Instant initDate,
        @JsonProperty("end_date") @IsoInstantOrDate Instant endDate,
        @JsonProperty("panel") Panel panel,
        @JsonProperty("sensor_light") SensorLight sensorLight,
        @JsonProperty("sensor_wind") SensorWind sensorWind,
        @JsonProperty("variable_data") Map<String, Object> variableData) {

    /** The unit to install, or null unless exactly one is given. */
    @JsonIgnore
    public Device device() {
        var given = Stream.of(panel, sensorLight, sensorWind).filter(d -> d != null).toList();
        return given.size() == 1 ? (Device) given.get(0) : null;
    }

    /** The relation this install creates. */
    @JsonIgnore
    public ClientRel relation() {
        Device d = device();
        ClientRel rel = ClientRel.of(d.kind(), d.deviceId(), clientId, initDate, endDate);
        return variableData == null
                ? rel
                : new ClientRel(
                        rel.clientId(),
                        rel.panelId(),
                        rel.lightId(),
                        rel.windId(),
                        variableData,
                        rel.initPanelDate(),
                        rel.endPanelDate(),
                        rel.initSensorDate(),
                        rel.endSensorDate(),
                        rel.initWindDate(),
                        rel.endWindDate());
    }
}
