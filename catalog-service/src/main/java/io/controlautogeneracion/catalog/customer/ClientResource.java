package io.controlautogeneracion.catalog.customer;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.config.CatalogConfig;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.device.FleetQueries;
import io.controlautogeneracion.catalog.device.InstalledDevice;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.rest.Instants;
import io.controlautogeneracion.catalog.rest.Page;
import io.controlautogeneracion.catalog.store.Etags;
import io.controlautogeneracion.catalog.store.IndexRepository;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import io.controlautogeneracion.model.catalog.CatalogIds;
import io.controlautogeneracion.model.catalog.Client;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Clock;
import java.util.List;

/** Clients: personal data, so every read needs {@code catalog-viewer}. */
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {
    private final ClientRepository clients;
    private final IndexRepository indexes;
    private final FleetQueries fleet;
    private final CatalogConfig config;
    private final Clock clock;

    public ClientResource(
            ClientRepository clients,
            IndexRepository indexes,
            FleetQueries fleet,
            CatalogConfig config,
            Clock clock) {
        this.clock = clock;
        this.clients = clients;
        this.indexes = indexes;
        this.fleet = fleet;
        this.config = config;
    }

    /** A page of clients in id order. */
    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Page<Client>> list(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        int size = Math.min(limit, config.maxPageSize());
        return indexes.ids(CatalogKeys.clientIndex())
                .chain(
                        ids -> {
                            List<String> page =
                                    ids.subList(
                                            Math.min(offset, ids.size()),
                                            Math.min(offset + size, ids.size()));
                            return FleetQueries.all(page, clients::get)
                                    .map(
                                            docs ->
                                                    new Page<>(
                                                            offset,
                                                            size,
                                                            ids.size(),
                                                            docs.stream()
                                                                    .flatMap(d -> d.stream())
                                                                    .map(Versioned::value)
                                                                    .toList()));
                        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<Response> get(@PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id) {
        return clients.get(id).map(d -> Etags.found(d, CatalogKeys.client(id)));
    }

    /** The client's devices at {@code at} (default now). */
    @GET
    @Path("/{id}/devices")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public Uni<List<InstalledDevice>> devices(
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @QueryParam("at") String at) {
        return fleet.devicesOf(id, Instants.orNow(at, clock));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@ValidDocument Client client) {
        return clients.create(client).map(d -> Etags.created("/clients/" + client.clientId(), d));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> update(
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @HeaderParam("If-Match") String ifMatch,
            @ValidDocument Client client) {
        if (!id.equals(client.clientId())) {
            throw CatalogException.badRequest("client_id in the body must be " + id);
        }
        return clients.update(client, Etags.cas(ifMatch)).map(Etags::ok);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(
            @PathParam("id") @Pattern(regexp = CatalogIds.ID_REGEX) String id,
            @HeaderParam("If-Match") String ifMatch) {
        return clients.delete(id, Etags.cas(ifMatch)).map(v -> Response.noContent().build());
    }
}
