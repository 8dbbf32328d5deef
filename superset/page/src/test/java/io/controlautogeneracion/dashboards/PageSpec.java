package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboards page's definition, {@code superset/page/src/main/resources/page/dashboards.json}.
 */
record PageSpec(JsonNode spec) {
    static Path file() {
        return ProjectFiles.root().resolve("superset/page/src/main/resources/page/dashboards.json");
    }

    static PageSpec load() {
        try {
            return new PageSpec(new ObjectMapper().readTree(file().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file(), e);
        }
    }

    List<JsonNode> dashboards() {
        List<JsonNode> out = new ArrayList<>();
        spec.path("dashboards").forEach(out::add);
        return out;
    }

    static List<JsonNode> charts(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("charts").forEach(out::add);
        return out;
    }

    static List<JsonNode> filters(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("filters").forEach(out::add);
        return out;
    }

    /**
     * Every named query call of a dashboard's filters: {@code source} or each of {@code sources}.
     */
    static List<JsonNode> filterSources(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode filter : filters(dashboard)) {
            if (filter.has("source")) {
                out.add(filter.path("source"));
            }
            filter.path("sources").forEach(out::add);
        }
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
