package io.controlautogeneracion.catalog.relation;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.store.Etags;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** clients_rel: who owned a device when. Relations of one device never overlap (409). */
@Path("/clients_rel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelationResource {

    private final RelationRepository relations;

    public RelationResource(RelationRepository relations) {
        this.relations = relations;
    }

    /** Every period of one device, oldest first. */
    @GET
    @Path("/{kind}/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Response> history(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id) {
        DeviceKind k = DeviceKinds.parse(kind);
        return relations.history(k, id).map(h -> Etags.found(h, CatalogKeys.relations(k, id)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> add(@ValidDocument ClientRel rel) {
        return relations
                .add(rel)
                .map(
                        h ->
                                Response.status(Response.Status.CREATED)
                                        .entity(h.value())
                                        .header("ETag", h.etag())
                                        .build());
    }

    @POST
    @Path("/{kind}/{id}/move")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> move(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @Valid @NotNull MoveRequest move) {
        return relations
                .move(DeviceKinds.parse(kind), id, move.clientId(), move.at())
                .map(Etags::ok);
    }
}
