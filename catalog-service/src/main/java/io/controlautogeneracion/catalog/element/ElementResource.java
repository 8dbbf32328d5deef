package io.controlautogeneracion.catalog.element;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.store.Etags;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.catalog.Element;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** AddNewElement: device types with nominal figures and alarm thresholds (no personal data). */
@Path("/elements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ElementResource {

    private final ElementRepository elements;

    public ElementResource(ElementRepository elements) {
        this.elements = elements;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<List<Element>> list(
            @QueryParam("kind") @NotNull @Pattern(regexp = DeviceKinds.REGEX) String kind) {
        return elements.list(DeviceKinds.parse(kind));
    }

    @GET
    @Path("/{kind}/{model}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Response> get(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("model") @Pattern(regexp = CatalogIds.ID_REGEX) String model) {
        return elements.get(DeviceKinds.parse(kind), model)
                .map(d -> Etags.found(d, CatalogKeys.element(DeviceKinds.parse(kind), model)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@ValidDocument Element element) {
        return elements.create(element)
                .map(
                        d ->
                                Etags.created(
                                        "/elements/"
                                                + DeviceKinds.of(element.kind())
                                                + "/"
                                                + element.model(),
                                        d));
    }

    @PUT
    @Path("/{kind}/{model}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> update(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("model") @Pattern(regexp = CatalogIds.ID_REGEX) String model,
            @HeaderParam("If-Match") String ifMatch,
            @ValidDocument Element element) {
        if (element.kind() != DeviceKinds.parse(kind) || !model.equals(element.model())) {
            throw CatalogException.badRequest(
                    "kind and model in the body must be " + kind + "/" + model);
        }
        return elements.update(element, Etags.cas(ifMatch)).map(Etags::ok);
    }

    @DELETE
    @Path("/{kind}/{model}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("model") @Pattern(regexp = CatalogIds.ID_REGEX) String model,
            @HeaderParam("If-Match") String ifMatch) {
        return elements.delete(DeviceKinds.parse(kind), model, Etags.cas(ifMatch))
                .map(v -> Response.noContent().build());
    }
}
