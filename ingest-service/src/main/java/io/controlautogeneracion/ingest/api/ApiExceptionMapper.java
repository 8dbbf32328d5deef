package io.controlautogeneracion.ingest.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns every {@link ApiException} into a problem+json response. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context UriInfo uri;

    @Override
    public Response toResponse(ApiException e) {
        return Problem.response(
                        e.status(), e.title(), e.getMessage(), uri == null ? null : uri.getPath())
                .build();
    }
}
