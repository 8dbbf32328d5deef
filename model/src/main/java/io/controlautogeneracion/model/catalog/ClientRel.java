package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.time.IsoInstantOrDate;
import java.time.Instant;
import java.util.Map;

/**
 * One client–device relation with its validity period (seed document {@code clients_rel}). The seed
 * keeps a column pair per device kind; here one relation links exactly one device, so only the id
 * and the {@code init_*}/{@code end_*} pair of that kind are set. The period is half-open, {@code
 * [init, end)}; a null end means "still valid".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientRel(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("panel_id") String panelId,
        @JsonProperty("light_id") String lightId,
        @JsonProperty("wind_id") String windId,
        @JsonProperty("variable_data") Map<String, Object> variableData,
        @JsonProperty("init_panel_date") @IsoInstantOrDate Instant initPanelDate,
        @JsonProperty("end_panel_date") @IsoInstantOrDate Instant endPanelDate,
        @JsonProperty("init_sensor_date") @IsoInstantOrDate Instant initSensorDate,
        @JsonProperty("end_sensor_date") @IsoInstantOrDate Instant endSensorDate,
        @JsonProperty("init_wind_date") @IsoInstantOrDate Instant initWindDate,
        @JsonProperty("end_wind_date") @IsoInstantOrDate Instant endWindDate) {

    /**
     * A relation of {@code clientId} with one device over {@code [from, to)}; {@code to} may be
     * null.
     */
    public static ClientRel of(
            DeviceKind kind, String deviceId, String clientId, Instant from, Instant to) {
        return switch (kind) {
            case PANEL ->
                    new ClientRel(
                            clientId, deviceId, null, null, null, from, to, null, null, null, null);
            case LIGHT ->
                    new ClientRel(
                            clientId, null, deviceId, null, null, null, null, from, to, null, null);
            case WIND ->
                    new ClientRel(
                            clientId, null, null, deviceId, null, null, null, null, null, from, to);
        };
    }

    /**
     * The kind of the device this relation links, or null unless exactly one device id is set (an
     * invalid relation).
     */
    public DeviceKind kind() {
        int set = (panelId != null ? 1 : 0) + (lightId != null ? 1 : 0) + (windId != null ? 1 : 0);
        if (set != 1) {
            return null;
        }
        return panelId != null
                ? DeviceKind.PANEL
                : lightId != null ? DeviceKind.LIGHT : DeviceKind.WIND;
    }

    public String deviceId() {
        return panelId != null ? panelId : lightId != null ? lightId : windId;
    }

    /** Start of the period (inclusive). */
    public Instant validFrom() {
        return panelId != null ? initPanelDate : lightId != null ? initSensorDate : initWindDate;
    }

    /** End of the period (exclusive), null while open. */
    public Instant validTo() {
        return panelId != null ? endPanelDate : lightId != null ? endSensorDate : endWindDate;
    }

    public boolean isValidAt(Instant at) {
        Instant from = validFrom();
        Instant to = validTo();
        return from != null && !at.isBefore(from) && (to == null || at.isBefore(to));
    }

    /** Whether the two periods share at least one instant (regardless of device). */
    public boolean overlaps(ClientRel other) {
        Instant aFrom = validFrom();
        Instant bFrom = other.validFrom();
        Instant aTo = validTo();
        Instant bTo = other.validTo();
        boolean aStartsBeforeBEnds = bTo == null || aFrom.isBefore(bTo);
        boolean bStartsBeforeAEnds = aTo == null || bFrom.isBefore(aTo);
        return aStartsBeforeBEnds && bStartsBeforeAEnds;
    }

    /** The same relation closed at {@code end}. */
    public ClientRel endingAt(Instant end) {
        return new ClientRel(
                clientId,
                panelId,
                lightId,
                windId,
                variableData,
                initPanelDate,
                panelId != null ? end : endPanelDate,
                initSensorDate,
                lightId != null ? end : endSensorDate,
                initWindDate,
                windId != null ? end : endWindDate);
    }
}
