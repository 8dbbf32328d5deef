package io.controlautogeneracion.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Superset export bundle of {@code superset/}, each YAML file parsed. */
record SupersetBundle(
        Asset metadata,
        List<Asset> databases,
        List<Asset> datasets,
        List<Asset> charts,
        List<Asset> dashboards) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One YAML file of the bundle: where it is (relative to the bundle) and what it says. */
    record Asset(String file, JsonNode yaml) {
        String text(String field) {
            return yaml.path(field).asText(null);
        }

        /** A dataset's column names, in order. */
        List<String> columns() {
            List<String> out = new ArrayList<>();
            yaml.path("columns").forEach(c -> out.add(c.path("column_name").asText()));
            return out;
        }

        /** A dataset's metric names, in order. */
        List<String> metrics() {
            List<String> out = new ArrayList<>();
            yaml.path("metrics").forEach(m -> out.add(m.path("metric_name").asText()));
            return out;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static SupersetBundle load() {
        Path dir = ProjectFiles.path("superset/bundle");
        return new SupersetBundle(
                asset(dir, dir.resolve("metadata.yaml")),
                assets(dir, "databases"),
                assets(dir, "datasets/Druid"),
                assets(dir, "charts"),
                assets(dir, "dashboards"));
    }

    /** The dataset with this uuid. */
    Asset datasetByUuid(String uuid) {
        return datasets.stream()
                .filter(d -> uuid.equals(d.text("uuid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dataset " + uuid));
    }

    /** The components of a dashboard's layout (its {@code position}), without the version key. */
    static List<JsonNode> positionNodes(Asset dashboard) {
        List<JsonNode> nodes = new ArrayList<>();
        dashboard
                .yaml()
                .path("position")
                .forEach(
                        n -> {
                            if (n.isObject()) {
                                nodes.add(n);
                            }
                        });
        return nodes;
    }

    /** Every YAML file of the bundle, in any folder. */
    List<Asset> all() {
        List<Asset> all = new ArrayList<>();
        all.add(metadata);
        all.addAll(databases);
        all.addAll(datasets);
        all.addAll(charts);
        all.addAll(dashboards);
        return all;
    }

    private static List<Asset> assets(Path bundle, String folder) {
        return ProjectFiles.list(bundle.resolve(folder), ".yaml").stream()
                .map(file -> asset(bundle, file))
                .toList();
    }

    private static Asset asset(Path bundle, Path file) {
        try {
            return new Asset(
                    bundle.relativize(file).toString().replace('\\', '/'),
                    YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
