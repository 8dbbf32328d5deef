package io.controlautogeneracion.catalog.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.customer.ClientRepository;
import io.controlautogeneracion.catalog.device.DeviceRepository;
import io.controlautogeneracion.catalog.element.ElementRepository;
import io.controlautogeneracion.catalog.error.CatalogException;
import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.catalog.relation.RelationRepository;
import io.controlautogeneracion.catalog.store.Versioned;
import io.controlautogeneracion.catalog.validation.CatalogRules;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Element;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk import of a fleet: each row is validated and written on its own (a bad row fails alone, good
 * rows stay), and written only when it differs from what is stored, so re-importing a file changes
 * nothing.
 */
@ApplicationScoped
public class ImportService {
    private final ClientRepository clients;
    private final ElementRepository elements;
    private final DeviceRepository devices;
    private final RelationRepository relations;

    public ImportService(
            ClientRepository clients,
            ElementRepository elements,
            DeviceRepository devices,
            RelationRepository relations) {
        this.clients = clients;
        this.elements = elements;
        this.devices = devices;
        this.relations = relations;
    }

    /** A fleet document: {@code {"elements": [...], "clients": [...], ...}}, sections in order. */
    public Uni<ImportReport> importFleet(JsonNode fleet) {
        List<Uni<List<ImportRow>>> parts = new ArrayList<>();
        for (Section section : Section.values()) {
            JsonNode rows = fleet.path(section.key());
            List<JsonNode> list = new ArrayList<>();
            rows.forEach(list::add);
            parts.add(Uni.createFrom().deferred(() -> rows(section, list)));
        }
        return Multi.createFrom()
                .iterable(parts)
                .onItem()
                .transformToUniAndConcatenate(Function.identity())
                .collect()
                .asList()
                .map(lists -> ImportReport.of(lists.stream().flatMap(List::stream).toList()));
    }

    public Uni<ImportReport> importCsv(Section section, String csv) {
        return rows(section, CsvRows.parse(csv)).map(ImportReport::of);
    }

    private Uni<List<ImportRow>> rows(Section section, List<JsonNode> rows) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= rows.size(); i++) {
            numbers.add(i);
        }
        return Multi.createFrom()
                .iterable(numbers)
                .onItem()
                .transformToUniAndConcatenate(n -> row(section, n, rows.get(n - 1)))
                .collect()
                .asList();
    }

    private Uni<ImportRow> row(Section section, int n, JsonNode node) {
        Object doc;
        try {
            doc = CatalogDocuments.mapper().treeToValue(node, section.type());
        } catch (JsonProcessingException e) {
            return failed(section, n, null, "unreadable: " + e.getOriginalMessage());
        }
        String id = idOf(doc);
        List<Violation> violations = CatalogRules.check(doc);
        if (!violations.isEmpty()) {
            return failed(section, n, id, describe(violations));
        }
        return Uni.createFrom()
                .deferred(() -> write(doc))
                .map(status -> new ImportRow(section.key(), n, id, status, null))
                .onFailure(CatalogException.class)
                .recoverWithItem(
                        e -> {
                            CatalogException c = (CatalogException) e;
                            String why =
                                    c.violations().isEmpty()
                                            ? c.getMessage()
                                            : describe(c.violations());
                            return new ImportRow(section.key(), n, id, ImportRow.FAILED, why);
                        });
    }

    private Uni<String> write(Object doc) {
        if (doc instanceof Client c) {
            return clients.get(c.clientId())
                    .chain(
                            found ->
                                    upsert(
                                            found,
                                            c,
                                            clients::create,
                                            cur -> clients.update(c, cur.cas())));
        } else if (doc instanceof Element e) {
            return elements.get(e.kind(), e.model())
                    .chain(
                            found ->
                                    upsert(
                                            found,
                                            e,
                                            elements::create,
                                            cur -> elements.update(e, cur.cas())));
        } else if (doc instanceof Device d) {
            return devices.get(d.kind(), d.deviceId())
                    .chain(
                            found ->
                                    upsert(
                                            found,
                                            d,
                                            devices::create,
                                            cur -> devices.update(d, cur.cas())));
        }
        ClientRel rel = (ClientRel) doc;
        return relations
                .history(rel.kind(), rel.deviceId())
                .chain(
                        h ->
                                h.isPresent() && h.get().value().periods().contains(rel)
                                        ? Uni.createFrom().item(ImportRow.UNCHANGED)
                                        : relations.add(rel).map(x -> ImportRow.CREATED));
    }

    private static <T> Uni<String> upsert(
            Optional<? extends Versioned<? extends T>> found,
            T doc,
            Function<T, Uni<?>> create,
            Function<Versioned<? extends T>, Uni<?>> update) {
        if (found.isEmpty()) {
            return create.apply(doc).map(x -> ImportRow.CREATED);
        }
        if (found.get().value().equals(doc)) {
            return Uni.createFrom().item(ImportRow.UNCHANGED);
        }
        return update.apply(found.get()).map(x -> ImportRow.UPDATED);
    }

    private static String idOf(Object doc) {
        if (doc instanceof Client c) {
            return c.clientId();
        } else if (doc instanceof Element e) {
            return e.model();
        } else if (doc instanceof Device d) {
            return d.deviceId();
        }
        ClientRel r = (ClientRel) doc;
        return r.deviceId() + "@" + r.validFrom();
    }

    private static Uni<ImportRow> failed(Section section, int n, String id, String why) {
        return Uni.createFrom().item(new ImportRow(section.key(), n, id, ImportRow.FAILED, why));
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
