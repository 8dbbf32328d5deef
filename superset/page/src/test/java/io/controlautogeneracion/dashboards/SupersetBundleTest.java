package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.dashboards.SupersetBundle.Asset;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Superset bundle of {@code superset/} against the rules of Superset's import (the
 * ImportV1*Schema of dashboards, charts, datasets and databases, and the dashboard importer): the
 * fields each file must have and may have, valid and unique uuids, every reference resolvable,
 * every chart placed on a dashboard, one layout tree per dashboard. (What the datasets and charts
 * name is {@link SupersetDatasetsTest}'s part.) No engine is needed.
 */
class SupersetBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // The fields each import schema knows; Superset refuses a file with any other.
    private static final Set<String> DASHBOARD_FIELDS =
            Set.of(
                    "dashboard_title",
                    "description",
                    "css",
                    "slug",
                    "uuid",
                    "position",
                    "metadata",
                    "version",
                    "is_managed_externally",
                    "external_url",
                    "certified_by",
                    "certification_details",
                    "published");
    private static final Set<String> CHART_FIELDS =
            Set.of(
                    "slice_name",
                    "description",
                    "certified_by",
                    "certification_details",
                    "viz_type",
                    "params",
                    "query_context",
                    "cache_timeout",
                    "uuid",
                    "version",
                    "dataset_uuid",
                    "is_managed_externally",
                    "external_url");
    private static final Set<String> DATASET_FIELDS =
            Set.of(
                    "table_name",
                    "main_dttm_col",
                    "description",
                    "default_endpoint",
                    "offset",
                    "cache_timeout",
                    "schema",
                    "sql",
                    "params",
                    "template_params",
                    "filter_select_enabled",
                    "fetch_values_predicate",
                    "extra",
                    "uuid",
                    "columns",
                    "metrics",
                    "version",
                    "database_uuid",
                    "data",
                    "is_managed_externally",
                    "external_url");
    private static final Set<String> COLUMN_FIELDS =
            Set.of(
                    "column_name",
                    "extra",
                    "verbose_name",
                    "is_dttm",
                    "is_active",
                    "type",
                    "groupby",
                    "filterable",
                    "expression",
                    "description",
                    "python_date_format");
    private static final Set<String> METRIC_FIELDS =
            Set.of(
                    "metric_name",
                    "verbose_name",
                    "metric_type",
                    "expression",
                    "description",
                    "d3format",
                    "extra",
                    "warning_text");
    private static final Set<String> DATABASE_FIELDS =
            Set.of(
                    "database_name",
                    "sqlalchemy_uri",
                    "password",
                    "cache_timeout",
                    "expose_in_sqllab",
                    "allow_run_async",
                    "allow_ctas",
                    "allow_cvas",
                    "impersonate_user",
                    "extra",
                    "uuid",
                    "version",
                    "is_managed_externally",
                    "external_url");
    private static final Set<String> DATABASE_EXTRA_FIELDS =
            Set.of(
                    "metadata_params",
                    "engine_params",
                    "metadata_cache_timeout",
                    "cost_estimate_enabled");

    private final SupersetBundle bundle = SupersetBundle.load();

    @Test
    void metadataDeclaresADashboardBundleOfVersionOne() {
        JsonNode metadata = bundle.metadata().yaml();
        assertThat(fieldNames(metadata)).containsExactlyInAnyOrder("version", "type", "timestamp");
        assertThat(metadata.path("version").asText()).isEqualTo("1.0.0");
        // superset import-dashboards accepts only bundles whose type is the Dashboard model.
        assertThat(metadata.path("type").asText()).isEqualTo("Dashboard");
        assertThat(OffsetDateTime.parse(metadata.path("timestamp").asText())).isNotNull();
        // Quoted, as Superset's own exports write it: unquoted, Python's YAML reader would make it
        // a
        // datetime, not the string the import schema parses.
        assertThat(ProjectFiles.read(ProjectFiles.path("superset/bundle").resolve("metadata.yaml")))
                .containsPattern("(?m)^timestamp: '[^']+'$");
    }

    @Test
    void everyFileHasTheFieldsItsImportSchemaRequiresAndNoOther() {
        assertThat(bundle.databases()).hasSize(1);
        assertThat(bundle.dashboards()).hasSizeGreaterThanOrEqualTo(3);
        for (Asset db : bundle.databases()) {
            requireFields(
                    db, DATABASE_FIELDS, "database_name", "sqlalchemy_uri", "uuid", "version");
            assertThat(fieldNames(db.yaml().path("extra"))).isSubsetOf(DATABASE_EXTRA_FIELDS);
        }
        for (Asset dataset : bundle.datasets()) {
            requireFields(
                    dataset, DATASET_FIELDS, "table_name", "uuid", "version", "database_uuid");
            for (JsonNode column : dataset.yaml().path("columns")) {
                assertThat(fieldNames(column)).as(dataset + " column").isSubsetOf(COLUMN_FIELDS);
                assertThat(column.path("column_name").asText(""))
                        .as(dataset + " column")
                        .isNotBlank();
            }
            for (JsonNode metric : dataset.yaml().path("metrics")) {
                assertThat(fieldNames(metric)).as(dataset + " metric").isSubsetOf(METRIC_FIELDS);
                assertThat(metric.path("metric_name").asText(""))
                        .as(dataset + " metric")
                        .isNotBlank();
                assertThat(metric.path("expression").asText(""))
                        .as(dataset + " metric")
                        .isNotBlank();
            }
        }
        for (Asset chart : bundle.charts()) {
            requireFields(
                    chart,
                    CHART_FIELDS,
                    "slice_name",
                    "viz_type",
                    "uuid",
                    "version",
                    "dataset_uuid");
            assertThat(chart.yaml().path("params").isObject()).as(chart + " params").isTrue();
            assertThat(chart.yaml().path("params").path("viz_type").asText())
                    .as(chart + " params.viz_type")
                    .isEqualTo(chart.text("viz_type"));
        }
        for (Asset dashboard : bundle.dashboards()) {
            requireFields(dashboard, DASHBOARD_FIELDS, "dashboard_title", "uuid", "version");
            assertThat(dashboard.yaml().path("position").isObject())
                    .as(dashboard + " position")
                    .isTrue();
        }
        for (Asset asset : bundle.all()) {
            assertThat(asset.text("version")).as(asset + " version").isEqualTo("1.0.0");
        }
    }

    @Test
    void uuidsAreValidAndUnique() {
        Map<String, Asset> seen = new HashMap<>();
        for (Asset asset : bundle.all()) {
            if (asset == bundle.metadata()) {
                continue;
            }
            String uuid = asset.text("uuid");
            assertThat(UUID.fromString(uuid).toString()).as(asset + " uuid").isEqualTo(uuid);
            Asset before = seen.put(uuid, asset);
            assertThat(before).as(asset + " shares its uuid with " + before).isNull();
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> databases = uuids(bundle.databases());
        Set<String> datasets = uuids(bundle.datasets());
        for (Asset dataset : bundle.datasets()) {
            assertThat(databases).as(dataset + " database").contains(dataset.text("database_uuid"));
        }
        for (Asset chart : bundle.charts()) {
            assertThat(datasets).as(chart + " dataset").contains(chart.text("dataset_uuid"));
        }
        for (Asset dashboard : bundle.dashboards()) {
            for (JsonNode filter :
                    dashboard.yaml().path("metadata").path("native_filter_configuration")) {
                for (JsonNode target : filter.path("targets")) {
                    String datasetUuid = target.path("datasetUuid").asText();
                    assertThat(datasets).as(dashboard + " filter dataset").contains(datasetUuid);
                    assertThat(bundle.datasetByUuid(datasetUuid).columns())
                            .as(dashboard + " filter " + filter.path("name").asText())
                            .contains(target.path("column").path("name").asText());
                }
            }
        }
    }

    @Test
    void everyChartSitsOnADashboardAndEveryPlacedChartExists() {
        Map<String, Asset> charts = new HashMap<>();
        bundle.charts().forEach(c -> charts.put(c.text("uuid"), c));
        Set<String> placed = new HashSet<>();
        Set<Integer> chartIds = new HashSet<>();
        for (Asset dashboard : bundle.dashboards()) {
            for (JsonNode node : SupersetBundle.positionNodes(dashboard)) {
                if (!node.path("type").asText().equals("CHART")) {
                    continue;
                }
                JsonNode meta = node.path("meta");
                String uuid = meta.path("uuid").asText();
                assertThat(charts).as(dashboard + " places chart " + uuid).containsKey(uuid);
                assertThat(meta.path("sliceName").asText())
                        .as(dashboard + " " + node.path("id").asText())
                        .isEqualTo(charts.get(uuid).text("slice_name"));
                assertThat(meta.path("chartId").isInt()).as(dashboard + " chartId").isTrue();
                assertThat(chartIds.add(meta.path("chartId").asInt()))
                        .as(dashboard + " chartId " + meta.path("chartId") + " is unique")
                        .isTrue();
                assertThat(meta.path("width").asInt()).isBetween(1, 12);
                assertThat(meta.path("height").asInt()).isPositive();
                placed.add(uuid);
            }
        }
        // The dashboard import brings in only the charts its positions name.
        assertThat(placed).as("charts on a dashboard").isEqualTo(charts.keySet());
    }

    @Test
    void theBundleHoldsOnlyFilesTheImportReads() throws Exception {
        Path dir = ProjectFiles.path("superset/bundle");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                assertThat(relative)
                        .as("a file of the bundle")
                        .matches(
                                "README\\.md|metadata\\.yaml|databases/[^/]+\\.yaml"
                                        + "|datasets/Druid/[^/]+\\.yaml|charts/[^/]+\\.yaml"
                                        + "|dashboards/[^/]+\\.yaml");
            }
        }
    }

    @Test
    void positionsFormOneTreeFromTheRoot() {
        for (Asset dashboard : bundle.dashboards()) {
            JsonNode position = dashboard.yaml().path("position");
            assertThat(position.path("DASHBOARD_VERSION_KEY").asText()).isEqualTo("v2");
            assertThat(position.path("ROOT_ID").path("type").asText()).isEqualTo("ROOT");
            Set<String> reached = new HashSet<>();
            walk(dashboard, position, "ROOT_ID", List.of(), reached);
            for (JsonNode node : SupersetBundle.positionNodes(dashboard)) {
                String id = node.path("id").asText();
                if (!id.equals("HEADER_ID")) {
                    assertThat(reached).as(dashboard + " reaches " + id).contains(id);
                }
            }
        }
    }

    @Test
    void theRealTimeDashboardRefreshesItselfAndTheOthersDoNot() {
        Map<String, Integer> refresh = new LinkedHashMap<>();
        for (Asset dashboard : bundle.dashboards()) {
            JsonNode frequency = dashboard.yaml().path("metadata").path("refresh_frequency");
            assertThat(frequency.isInt()).as(dashboard + " refresh_frequency").isTrue();
            refresh.put(dashboard.text("dashboard_title"), frequency.asInt());
        }
        assertThat(refresh)
                .containsEntry("Real time: wind, alarms and ingestion", 10)
                .containsEntry("Panel generation history", 0)
                .containsEntry("Light sensors and optimal orientation", 0);
    }

    @Test
    void theDatabaseIsTheDruidBrokerSqlEndpoint() {
        Asset druid = bundle.databases().get(0);
        assertThat(druid.text("sqlalchemy_uri"))
                .matches("druid://[A-Za-z0-9.-]+:8082/druid/v2/sql/");
        assertThat(druid.text("database_name")).isEqualTo("Druid");
    }

    private void walk(
            Asset dashboard,
            JsonNode position,
            String id,
            List<String> parents,
            Set<String> reached) {
        JsonNode node = position.path(id);
        assertThat(node.isObject()).as(dashboard + " has node " + id).isTrue();
        assertThat(node.path("id").asText()).as(dashboard + " node id").isEqualTo(id);
        assertThat(reached.add(id)).as(dashboard + " reaches " + id + " once").isTrue();
        if (!parents.isEmpty()) {
            List<String> declared = new ArrayList<>();
            node.path("parents").forEach(p -> declared.add(p.asText()));
            assertThat(declared).as(dashboard + " parents of " + id).isEqualTo(parents);
        }
        if (node.path("type").asText().equals("ROW")) {
            int width = 0;
            for (JsonNode child : node.path("children")) {
                width += position.path(child.asText()).path("meta").path("width").asInt();
            }
            assertThat(width).as(dashboard + " width of " + id).isBetween(1, 12);
        }
        List<String> below = new ArrayList<>(parents);
        below.add(id);
        for (JsonNode child : node.path("children")) {
            walk(dashboard, position, child.asText(), below, reached);
        }
    }

    private void requireFields(Asset asset, Set<String> allowed, String... required) {
        assertThat(fieldNames(asset.yaml())).as(asset + " fields").isSubsetOf(allowed);
        for (String field : required) {
            assertThat(asset.yaml().path(field).asText("")).as(asset + " " + field).isNotBlank();
        }
    }

    private static Set<String> uuids(List<Asset> assets) {
        Set<String> out = new HashSet<>();
        assets.forEach(a -> out.add(a.text("uuid")));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
