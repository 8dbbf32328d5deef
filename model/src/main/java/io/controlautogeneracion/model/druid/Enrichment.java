package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("manufacture_date") @DruidJson.IsoDate LocalDate manufactureDate,
        @JsonProperty("install_date") @DruidJson.IsoDate LocalDate installDate) {

    private static final Enrichment NONE =
            new Enrichment(null, null, null, null, null, null, null, null, null);

    /** All columns null: the enrichment of a device the catalog does not know. */
    public static Enrichment none() {
        return NONE;
    }
}
