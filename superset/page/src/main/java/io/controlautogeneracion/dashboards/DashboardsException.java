package io.controlautogeneracion.dashboards;

/**
 * A request the dashboards server refuses, with the HTTP status that says why (404 for a query or
 * file that does not exist, 400 for a parameter that is missing, unknown or out of bounds) and a
 * message naming what is wrong.
 */
public final class DashboardsException extends RuntimeException {
    private final int status;

    public DashboardsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
