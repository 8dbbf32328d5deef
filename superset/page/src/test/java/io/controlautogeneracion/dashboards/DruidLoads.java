package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.stack.Templates;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code index_parallel} tasks that load crafted rows into a datasource with the project's
 * own column definitions: the batch task templates of {@code druid/tasks/} with an inline input
 * source in place of the directory, and the {@code dataSchema} of the Kafka supervisor specs of
 * {@code druid/supervisors/} for the streaming datasources.
 */
final class DruidLoads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DruidLoads() {}

    /**
     * A task loading {@code rows} rows into {@code datasource} over {@code interval} (which it
     * replaces), whose columns are {@code __time} and the spec's dimensions.
     */
    record Load(String datasource, String interval, String task, int rows, List<String> columns) {}

    /** The batch template {@code druid/tasks/<datasource>.json}, reading {@code rows}. */
    static Load fromTaskTemplate(
            String datasource, String interval, List<Map<String, Object>> rows) {
        Path template = ProjectFiles.root().resolve("druid/tasks/" + datasource + ".json");
        String rendered =
                Templates.render(
                        ProjectFiles.read(template),
                        Map.of(
                                "INTERVALS", "[\"" + interval + "\"]",
                                "SEGMENT_GRANULARITY", "hour",
                                "BASE_DIR", "/unused",
                                "SUBTASKS", "1",
                                "AWAIT_MILLIS", "0"),
                        template.toString());
        ObjectNode task = parse(rendered);
        ObjectNode ioConfig = (ObjectNode) task.path("spec").path("ioConfig");
        ioConfig.set("inputSource", inline(rows));
        return load(datasource, interval, task, rows);
    }

    /**
     * The dataSchema of the supervisor {@code druid/supervisors/<datasource>.json}, batch-loaded.
     */
    static Load fromSupervisor(String datasource, String interval, List<Map<String, Object>> rows) {
        Path spec = ProjectFiles.root().resolve("druid/supervisors/" + datasource + ".json");
        String rendered =
                Templates.render(
                        ProjectFiles.read(spec),
                        Map.of("KAFKA_BOOTSTRAP", "unused:9092"),
                        spec.toString());
        ObjectNode dataSchema = (ObjectNode) parse(rendered).path("spec").path("dataSchema");
        ((ObjectNode) dataSchema.path("granularitySpec")).putArray("intervals").add(interval);
        ObjectNode task = JSON.createObjectNode().put("type", "index_parallel");
        ObjectNode taskSpec = task.putObject("spec");
        taskSpec.set("dataSchema", dataSchema);
        ObjectNode ioConfig = taskSpec.putObject("ioConfig").put("type", "index_parallel");
        ioConfig.set("inputSource", inline(rows));
        ioConfig.putObject("inputFormat").put("type", "json");
        // Replaces the whole interval, as the batch templates do: without it an hour this load
        // has no rows for kept another class's rows (its ten minutes ago fell in the hour before).
        ioConfig.put("appendToExisting", false).put("dropExisting", true);
        taskSpec.putObject("tuningConfig")
                .put("type", "index_parallel")
                .put("maxNumConcurrentSubTasks", 1);
        return load(datasource, interval, task, rows);
    }

    private static Load load(
            String datasource, String interval, ObjectNode task, List<Map<String, Object>> rows) {
        JsonNode dataSchema = task.path("spec").path("dataSchema");
        if (!dataSchema.path("dataSource").asText().equals(datasource)) {
            throw new IllegalStateException("the spec of " + datasource + " loads another one");
        }
        return new Load(
                datasource, interval, task.toString(), rows.size(), DruidSpecs.columns(dataSchema));
    }

    private static ObjectNode inline(List<Map<String, Object>> rows) {
        StringBuilder data = new StringBuilder();
        try {
            for (Map<String, Object> row : rows) {
                data.append(JSON.writeValueAsString(row)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return JSON.createObjectNode().put("type", "inline").put("data", data.toString());
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
