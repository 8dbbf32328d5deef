package io.controlautogeneracion.catalog.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.catalog.config.Roles;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Bulk import of a fleet. JSON: one document with the sections {@code elements}, {@code clients},
 * {@code panels}, {@code sensor_lights}, {@code sensor_winds}, {@code clients_rel}. CSV: one
 * section per request, a header row of the JSON field names.
 */
@Path("/import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportReport> importJson(@NotNull JsonNode fleet) {
        if (!fleet.isObject()) {
            throw CatalogException.badRequest("a fleet is a JSON object of sections");
        }
        return imports.importFleet(fleet);
    }

    @POST
    @Path("/{section}")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ImportReport> importCsv(
            @PathParam("section")
                    @Pattern(
                            regexp =
                                    "elements|clients|panels|sensor_lights|sensor_winds|clients_rel")
                    String section,
            @NotNull String csv) {
        return imports.importCsv(Section.of(section), csv);
    }
}
