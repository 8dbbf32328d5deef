package io.controlautogeneracion.catalog.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.config.CatalogConfig;
import io.controlautogeneracion.catalog.importing.ImportReport;
import io.controlautogeneracion.catalog.importing.ImportService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Imports the demo fleet at start when {@code catalog.demo.load=true} (the local stack). The import
 * is idempotent, so a restart changes nothing.
 */
@ApplicationScoped
public class DemoFleetLoader {
    private static final Logger LOG = Logger.getLogger(DemoFleetLoader.class);

    private final CatalogConfig config;
    private final ImportService imports;

    public DemoFleetLoader(CatalogConfig config, ImportService imports) {
        this.config = config;
        this.imports = imports;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().load()) {
            return;
        }
        ImportReport report =
                imports.importFleet(read(config.demo().resource()))
                        .await()
                        .atMost(Duration.ofMinutes(5));
        LOG.infof(
                "demo fleet %s: %d rows, %d created, %d updated, %d unchanged, %d failed",
                config.demo().resource(),
                report.total(),
                report.created(),
                report.updated(),
                report.unchanged(),
                report.failed());
        report.rows().stream()
                .filter(r -> r.error() != null)
                .forEach(
                        r ->
                                LOG.warnf(
                                        "demo row %s #%d failed: %s",
                                        r.section(), r.row(), r.error()));
    }

    static JsonNode read(String resource) {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no demo fleet resource " + resource);
            }
            return CatalogDocuments.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
