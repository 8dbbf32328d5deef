package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.time.IsoDate;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A client of the company (seed document {@code client}), plus the location and IANA time zone that
 * solar geometry and local calendar periods need.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Client(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("address") String address,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("client_signature") String clientSignature,
        @JsonProperty("open_date") @IsoDate LocalDate openDate,
        @JsonProperty("end_date") @IsoDate LocalDate endDate,
        @JsonProperty("client_type") String clientType,
        @JsonProperty("name") String name,
        @JsonProperty("apell_1") String apell1,
        @JsonProperty("apell_2") String apell2,
        @JsonProperty("latitude") Double latitude,
        @JsonProperty("longitude") Double longitude,
        @JsonProperty("timezone") String timezone) {

    /** Zone used when a client has none. */
    public static final String DEFAULT_TIMEZONE = "UTC";

    /** The client's zone, {@value #DEFAULT_TIMEZONE} when none is set. */
    public ZoneId zone() {
        return ZoneId.of(timezone == null || timezone.isBlank() ? DEFAULT_TIMEZONE : timezone);
    }
}
