package io.controlautogeneracion.ingest.api;

/** The roles of the REST API: readers of raw messages, and administrators (also readers). */
public final class Roles {
    public static final String VIEWER = "ingest-viewer";
    public static final String ADMIN = "ingest-admin";

    private Roles() {}
}
