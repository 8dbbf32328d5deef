package io.controlautogeneracion.catalog.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceKindName;
import io.controlautogeneracion.model.reading.DeviceKind;

/** A device with the relation that placed it at a client at the instant asked about. */
public record InstalledDevice(
        @JsonProperty("kind") @DeviceKindName DeviceKind kind,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("client_rel") ClientRel clientRel,
        @JsonProperty("device") Device device) {}
