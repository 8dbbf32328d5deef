package io.controlautogeneracion.ingest.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns every {@link ApiException} into a problem+json response. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Context UriInfo uri;

    @Override
    public Response toResponse(ApiException e) {
        Problem problem =
                new Problem(
                        "about:blank",
                        e.title(),
                        e.status(),
                        e.getMessage(),
                        uri == null ? null : uri.getPath());
        return Response.status(e.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
