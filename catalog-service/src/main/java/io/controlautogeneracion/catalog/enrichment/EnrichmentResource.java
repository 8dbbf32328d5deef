package io.controlautogeneracion.catalog.enrichment;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.rest.Instants;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * The lookup the Flink jobs make, over HTTP: the relation valid at {@code at} (default now), its
 * client, the device and its element. An unknown device answers 200 with nulls, as the jobs see it.
 */
@Path("/enrichment/{kind}/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EnrichmentResource {
    private final CatalogClient catalog;
    private final Clock clock;

    public EnrichmentResource(CatalogClient catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Enrichment> enrich(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @QueryParam("at") String at) {
        return Uni.createFrom()
                .completionStage(
                        () ->
                                catalog.enrich(
                                        DeviceKinds.parse(kind), id, Instants.orNow(at, clock)));
    }
}
