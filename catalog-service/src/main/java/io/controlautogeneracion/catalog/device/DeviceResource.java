package io.controlautogeneracion.catalog.device;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.store.Etags;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Installed devices by kind ({@code panel}, {@code light}, {@code wind}); the body is the kind's
 * document ({@code panel}, {@code sensor_light}, {@code sensor_wind}). To install a unit at a
 * client in one call, use {@code POST /installs}.
 */
@Path("/devices/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceRepository devices;

    public DeviceResource(DeviceRepository devices) {
        this.devices = devices;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Response> get(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id) {
        DeviceKind k = DeviceKinds.parse(kind);
        return devices.get(k, id).map(d -> Etags.found(d, CatalogKeys.device(k, id)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @ValidDocument Device device) {
        requireKind(kind, device);
        return devices.create(device)
                .map(d -> Etags.created("/devices/" + kind + "/" + device.deviceId(), d));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> update(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @HeaderParam("If-Match") String ifMatch,
            @ValidDocument Device device) {
        requireKind(kind, device);
        if (!id.equals(device.deviceId())) {
            throw CatalogException.badRequest("the device id in the body must be " + id);
        }
        return devices.update(device, Etags.cas(ifMatch)).map(Etags::ok);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(
            @PathParam("kind") @Pattern(regexp = DeviceKinds.REGEX) String kind,
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @HeaderParam("If-Match") String ifMatch) {
        return devices.delete(DeviceKinds.parse(kind), id, Etags.cas(ifMatch))
                .map(v -> Response.noContent().build());
    }

    private static void requireKind(String kind, Device device) {
        if (device.kind() != DeviceKinds.parse(kind)) {
            throw CatalogException.badRequest(
                    "a " + kind + " document is required, got a " + DeviceKinds.of(device.kind()));
        }
    }
}
