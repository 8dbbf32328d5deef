package io.controlautogeneracion.catalog.relation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.time.IsoInstantOrDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** Moves a device to another client from {@code at} on. */
public record MoveRequest(
        @JsonProperty("client_id") @NotNull @Pattern(regexp = CatalogIds.ID_REGEX) String clientId,
        @JsonProperty("at") @IsoInstantOrDate @NotNull Instant at) {}
