package io.controlautogeneracion.catalog.install;

import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** AddNewInstall: a unit and its relation to a client in one all-or-nothing request. */
@Path("/installs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstallResource {
    private final InstallService installs;

    public InstallResource(InstallService installs) {
        this.installs = installs;
    }

    /** 201 when something was written, 200 when the same install was already complete. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> install(@ValidDocument InstallRequest request) {
        return installs.install(request)
                .map(
                        r ->
                                Response.status(r.created() ? 201 : 200)
                                        .location(
                                                URI.create(
                                                        "/devices/"
                                                                + DeviceKinds.of(r.device().kind())
                                                                + "/"
                                                                + r.device().deviceId()))
                                        .entity(r)
                                        .build());
    }
}
