package io.controlautogeneracion.catalog.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV with a header of JSON field names into one JSON object per row: empty cells are
 * absent, {@code thresholds.wind_storm_speed} nests, a {@code variable_data} cell holds JSON.
 */
final class CsvRows {
    private static final CsvMapper CSV = new CsvMapper();

    private CsvRows() {}

    static List<JsonNode> parse(String text) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<JsonNode> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                CSV.readerForMapOf(String.class).with(schema).readValues(text)) {
            while (it.hasNext()) {
                rows.add(toNode(it.next()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static JsonNode toNode(Map<String, String> cells) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        cells.forEach(
                (column, value) -> {
                    if (value == null || value.isBlank()) {
                        return;
                    }
                    String v = value.trim();
                    if (column.equals("variable_data")) {
                        row.set(column, readJson(v));
                        return;
                    }
                    ObjectNode target = row;
                    String[] path = column.trim().split("\\.");
                    for (int i = 0; i < path.length - 1; i++) {
                        target =
                                target.has(path[i])
                                        ? (ObjectNode) target.get(path[i])
                                        : target.putObject(path[i]);
                    }
                    target.put(path[path.length - 1], v);
                });
        return row;
    }

    private static JsonNode readJson(String text) {
        try {
            return CatalogDocuments.mapper().readTree(text);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
