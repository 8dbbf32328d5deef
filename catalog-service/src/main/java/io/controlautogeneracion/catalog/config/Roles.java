package io.controlautogeneracion.catalog.config;

/** The two roles of the catalog: writers, and readers of personal data. */
public final class Roles {
    public static final String ADMIN = "catalog-admin";
    public static final String VIEWER = "catalog-viewer";

    private Roles() {}
}
