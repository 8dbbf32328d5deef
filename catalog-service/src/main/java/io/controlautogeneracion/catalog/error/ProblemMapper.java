package io.controlautogeneracion.catalog.error;

import com.couchbase.client.core.error.CouchbaseException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.controlautogeneracion.catalog.validation.ValidDocument;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: catalog rules (422), malformed input
 * (400), missing documents (404), conflicts (409), stale versions (412), updates without If-Match
 * (428).
 */
public class ProblemMapper {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response catalog(CatalogException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.violations(), e.conflict());
    }

    /** Documents that break a rule are 422; malformed path or query parameters are 400. */
    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        boolean document = false;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(field(v.getPropertyPath()), v.getMessage()));
            document |=
                    v.getConstraintDescriptor().getAnnotation().annotationType()
                            == ValidDocument.class;
        }
        return document
                ? problem(
                        422,
                        "Unprocessable Content",
                        "the document breaks catalog rules",
                        uri,
                        violations,
                        null)
                : problem(400, "Bad Request", "invalid request parameters", uri, violations, null);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        JsonLocation at = e.getLocation();
        String where =
                at == null || at.getLineNr() < 0
                        ? ""
                        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return problem(
                400,
                "Bad Request",
                "unreadable JSON: " + e.getOriginalMessage() + where,
                uri,
                null,
                null);
    }

    /** Overrides the built-in mapper of Jackson's type errors, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /**
     * The framework's own answers (401, 404 of an unknown path, 405...). A body it could not read
     * comes wrapped in a bare 400: answered with what is wrong with the JSON instead.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json, uri);
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(
                status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri, null, null);
    }

    /** Timeouts and unreachable nodes: the store, not the request, is at fault. */
    @ServerExceptionMapper
    public Response unavailable(CouchbaseException e, UriInfo uri) {
        LOG.warnf("request %s: catalog store unavailable: %s", uri.getPath(), e.toString());
        return problem(
                503,
                "Service Unavailable",
                "the catalog store did not answer in time",
                uri,
                null,
                null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "request %s failed", uri.getPath());
        return problem(
                500,
                "Internal Server Error",
                "the request failed; see the service log",
                uri,
                null,
                null);
    }

    private static String field(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }

    static Response problem(
            int status,
            String title,
            String detail,
            UriInfo uri,
            List<Violation> violations,
            Object conflict) {
        Problem body =
                new Problem(
                        "about:blank",
                        title,
                        status,
                        detail,
                        uri == null ? null : uri.getPath(),
                        violations,
                        conflict);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
