package io.controlautogeneracion.ingest.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body ({@code application/problem+json}). */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A response with the problem of {@code status} as its body, for the caller to build. */
    static Response.ResponseBuilder response(
            int status, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance));
    }
}
