package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.time.IsoDate;
import java.time.LocalDate;

/**
 * The catalog columns every Druid row carries (SPEC §6), flattened into the row with
 * {@code @JsonUnwrapped}. Any column is null when the catalog does not know it; an unknown device
 * gets {@link #none()}.
 */
public record Enrichment(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("address") String address,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("name") String name,
        @JsonProperty("apell_1") String apell1,
        @JsonProperty("apell_2") String apell2,
        @JsonProperty("model") String model,
        @JsonProperty("manufacture_date") @IsoDate LocalDate manufactureDate,
        @JsonProperty("install_date") @IsoDate LocalDate installDate) {

    private static final Enrichment NONE =
            new Enrichment(null, null, null, null, null, null, null, null, null);

    /**
     * The columns of what the catalog knows about one device at one instant: the owner's (none
     * without one) and the device's (none when the catalog does not know it).
     */
    public static Enrichment of(io.controlautogeneracion.model.catalog.Enrichment e) {
        Client c = e.client();
        Device d = e.device();
        if (c == null && d == null) {
            return NONE;
        }
        return new Enrichment(
                c == null ? null : c.clientId(),
                c == null ? null : c.address(),
                c == null ? null : c.postalCode(),
                c == null ? null : c.name(),
                c == null ? null : c.apell1(),
                c == null ? null : c.apell2(),
                d == null ? null : d.model(),
                d == null ? null : d.manufactureDate(),
                d == null ? null : d.installDate());
    }

    /** All columns null: the enrichment of a device the catalog does not know. */
    public static Enrichment none() {
        return NONE;
    }
}
