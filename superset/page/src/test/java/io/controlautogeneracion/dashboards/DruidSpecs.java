package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The datasources the project defines and their columns, read from their specs: the batch task
 * templates of {@code druid/tasks/} and the Kafka supervisor specs of {@code druid/supervisors/}.
 */
final class DruidSpecs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DruidSpecs() {}

    /** Every datasource with a spec. */
    static List<String> datasources() {
        TreeSet<String> names = new TreeSet<>();
        for (String dir : List.of("druid/tasks", "druid/supervisors")) {
            for (Path spec : ProjectFiles.list(ProjectFiles.root().resolve(dir), ".json")) {
                names.add(dataSchema(spec).path("dataSource").asText());
            }
        }
        return List.copyOf(names);
    }

    /** {@code __time} and the dimensions of the datasource's spec, in the spec's order. */
    static List<String> columns(String datasource) {
        return columns(dataSchema(spec(datasource)));
    }

    static List<String> columns(JsonNode dataSchema) {
        List<String> columns = new ArrayList<>();
        columns.add("__time");
        for (JsonNode dimension : dataSchema.path("dimensionsSpec").path("dimensions")) {
            columns.add(
                    dimension.isTextual() ? dimension.asText() : dimension.path("name").asText());
        }
        return columns;
    }

    private static Path spec(String datasource) {
        for (String dir : List.of("druid/tasks", "druid/supervisors")) {
            Path spec = ProjectFiles.root().resolve(dir).resolve(datasource + ".json");
            if (Files.isRegularFile(spec)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("no spec defines the datasource " + datasource);
    }

    private static JsonNode dataSchema(Path spec) {
        // Placeholders (${INTERVAL}, ${SUBTASKS}, ...) only need to parse, not to mean anything.
        String json = ProjectFiles.read(spec).replaceAll("\\$\\{[A-Z_]+}", "1");
        try {
            return JSON.readTree(json).path("spec").path("dataSchema");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot parse " + spec, e);
        }
    }
}
