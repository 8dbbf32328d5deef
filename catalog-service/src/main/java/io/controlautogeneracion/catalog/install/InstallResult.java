package io.controlautogeneracion.catalog.install;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;

/** What an install left in the catalog; {@code created} is false when it was all already there. */
public record InstallResult(
        @JsonProperty("created") boolean created,
        @JsonProperty("device") Device device,
        @JsonProperty("relations") ClientRelHistory relations) {}
