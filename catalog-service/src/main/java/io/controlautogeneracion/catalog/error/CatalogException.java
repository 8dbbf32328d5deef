package io.controlautogeneracion.catalog.error;

import java.util.List;

/**
 * The one exception of catalog-service: an HTTP status, a short title and a detail naming the
 * document, rendered as problem+json by {@link ProblemMapper}.
 */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Object conflict;
    private final transient List<Violation> violations;

    public CatalogException(
            int status, String title, String detail, Object conflict, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.conflict = conflict;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static CatalogException notFound(String key) {
        return new CatalogException(404, "Not Found", "no document " + key, null, null);
    }

    public static CatalogException exists(String key) {
        return new CatalogException(
                409, "Conflict", "document " + key + " already exists", null, null);
    }

    /** A change that clashes with {@code conflict}, which the problem body shows. */
    public static CatalogException conflict(String detail, Object conflict) {
        return new CatalogException(409, "Conflict", detail, conflict, null);
    }

    public static CatalogException stale(String key) {
        return new CatalogException(
                412,
                "Precondition Failed",
                "document " + key + " changed since the version in If-Match",
                null,
                null);
    }

    /** An update or delete without If-Match: the editor has to say which version it changes. */
    public static CatalogException preconditionRequired() {
        return new CatalogException(
                428,
                "Precondition Required",
                "If-Match is required: send the ETag of the version you read (or * to replace"
                        + " whatever version is stored)",
                null,
                null);
    }

    public static CatalogException invalid(List<Violation> violations) {
        return new CatalogException(
                422,
                "Unprocessable Content",
                "the document breaks catalog rules",
                null,
                violations);
    }

    public static CatalogException badRequest(String detail) {
        return new CatalogException(400, "Bad Request", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Object conflict() {
        return conflict;
    }

    public List<Violation> violations() {
        return violations;
    }
}
