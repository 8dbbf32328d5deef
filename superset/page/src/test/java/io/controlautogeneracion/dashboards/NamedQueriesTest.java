package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.testing.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The named queries of {@code druid/queries/} are documented the way their users need: a header
 * naming the query and each dynamic parameter in order with its type, as many parameters as the SQL
 * has {@code ?}, only datasources the project defines, and an entry in the folder's README.
 */
class NamedQueriesTest {
    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private final List<NamedQuery> queries = NamedQueries.all();

    @Test
    void theFolderHoldsTheQueries() {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyHeaderNamesItsQuery() {
        for (NamedQuery query : queries) {
            assertThat(query.declaredName()).as(query.name() + " header").isEqualTo(query.name());
            assertThat(query.header()).as(query.name() + " header").contains("Parameters");
        }
    }

    @Test
    void everyPlaceholderIsADocumentedParameterInOrder() {
        for (NamedQuery query : queries) {
            assertThat(query.placeholders())
                    .as(query.name() + " ? placeholders against documented parameters")
                    .isEqualTo(query.params().size());
            for (int i = 0; i < query.params().size(); i++) {
                assertThat(query.params().get(i).index())
                        .as(query.name() + " parameter numbering")
                        .isEqualTo(i + 1);
            }
        }
    }

    @Test
    void queriesReadOnlyTheProjectsDatasources() {
        List<String> datasources = DruidSpecs.datasources();
        assertThat(datasources)
                .contains(
                        "panel_report",
                        "panel_alarm",
                        "light_report",
                        "sensor_alarm",
                        "wind_reading",
                        "wind_alarm",
                        "topic_stats");
        for (NamedQuery query : queries) {
            List<String> read = new ArrayList<>();
            Matcher m = FROM.matcher(query.body());
            while (m.find()) {
                read.add(m.group(1));
            }
            assertThat(read).as(query.name() + " reads").isNotEmpty();
            assertThat(datasources).as(query.name() + " reads").containsAll(read);
        }
    }

    @Test
    void theReadmeIndexesEveryQuery() {
        String readme = ProjectFiles.read(ProjectFiles.path("druid/queries").resolve("README.md"));
        for (NamedQuery query : queries) {
            assertThat(readme).as("README entry").contains("`" + query.name() + ".sql`");
        }
        Matcher listed = Pattern.compile("`([a-z0-9_]+)\\.sql`").matcher(readme);
        List<String> names = queries.stream().map(NamedQuery::name).toList();
        while (listed.find()) {
            assertThat(names).as("README lists an existing query").contains(listed.group(1));
        }
    }
}
