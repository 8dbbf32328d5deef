package io.controlautogeneracion.catalog.importing;

import java.util.List;

/** Per-row outcome of a bulk import with the count of each status. */
public record ImportReport(
        int total, int created, int updated, int unchanged, int failed, List<ImportRow> rows) {

    public static ImportReport of(List<ImportRow> rows) {
        return new ImportReport(
                rows.size(),
                count(rows, ImportRow.CREATED),
                count(rows, ImportRow.UPDATED),
                count(rows, ImportRow.UNCHANGED),
                count(rows, ImportRow.FAILED),
                rows);
    }

    private static int count(List<ImportRow> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
