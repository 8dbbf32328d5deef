package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.time.IsoInstantOrDate;
import java.time.Instant;

/**
 * What the catalog knows about one device at one instant: the relation valid then, the client it
 * names, the device document and its element type. Any part is null when unknown; an unknown device
 * gives an enrichment with all four null, never an error.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enrichment(
        @JsonProperty("kind") @DeviceKindName DeviceKind kind,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("at") @IsoInstantOrDate Instant at,
        @JsonProperty("client_rel") ClientRel clientRel,
        @JsonProperty("client") Client client,
        @JsonProperty("device") Device device,
        @JsonProperty("element") Element element) {

    public static Enrichment unknown(DeviceKind kind, String deviceId, Instant at) {
        return new Enrichment(kind, deviceId, at, null, null, null, null);
    }

    /** Whether the device had an owner at {@link #at()}. */
    public boolean attributed() {
        return clientRel != null && client != null;
    }
}
