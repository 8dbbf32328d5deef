package io.controlautogeneracion.catalog.device;

import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.rest.Instants;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;

/** Devices by postal code (of the client they are related to at {@code at}, default now). */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
public class FleetResource {
    private final FleetQueries fleet;
    private final Clock clock;

    public FleetResource(FleetQueries fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<List<InstalledDevice>> byPostalCode(
            @QueryParam("postal_code") @NotNull @Pattern(regexp = "[0-9]{5}") String postalCode,
            @QueryParam("at") String at) {
        return fleet.devicesInPostalCode(postalCode, Instants.orNow(at, clock));
    }
}
