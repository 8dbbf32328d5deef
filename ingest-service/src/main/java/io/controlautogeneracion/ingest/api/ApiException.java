package io.controlautogeneracion.ingest.api;

/** A request the API refuses, with the HTTP status and the reason shown to the caller. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    private ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request parameter", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
