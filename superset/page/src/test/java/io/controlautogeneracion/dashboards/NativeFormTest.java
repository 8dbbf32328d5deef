package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named query's native form: for which values it stands in for the SQL, how it is bound, and how
 * its answer becomes the SQL's rows. That it is the SQL's own plan, with the same answers, is
 * checked on a real Druid by {@code DashboardsStackTest}.
 */
class NativeFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

    private final QueryCatalog catalog = QueryCatalog.load(ProjectFiles.path("druid/queries"));
    private final NamedQuery hourly = catalog.get("panel_generation_hourly");
    private final NativeForm form = catalog.nativeForm("panel_generation_hourly").orElseThrow();

    @Test
    void standsInForTheSqlOnlyForAClientsHoursAtWholeMilliseconds() {
        assertThat(form.appliesTo(hourly, values("client_id", "C-1", FROM, TO))).isTrue();
        assertThat(form.appliesTo(hourly, values("postal_code", "28001", FROM, TO))).isFalse();
        assertThat(form.appliesTo(hourly, values("model", "SP-400", FROM, TO))).isFalse();
        assertThat(form.appliesTo(hourly, values("client_id", "C-1", FROM.plusNanos(1), TO)))
                .isFalse();
        assertThat(form.appliesTo(hourly, values("client_id", "C-1", FROM, TO.plusMillis(7))))
                .isTrue();
        assertThat(catalog.nativeForm("panel_generation_daily")).isEmpty();
    }

    @Test
    void bindsTheValuesAsDataWhateverTheyHold() throws Exception {
        String hostile = "C-1\",\"matchValue\":\"{{range_from}}\\ \u00f1";

        JsonNode query =
                JSON.readTree(
                        form.bind(
                                hourly,
                                values("client_id", hostile, FROM, TO.plusMillis(7)),
                                0,
                                Map.of("timeout", 30_000)));

        assertThat(query.path("filter").path("matchValue").asText()).isEqualTo(hostile);
        assertThat(query.path("intervals").path("intervals").get(0).asText())
                .isEqualTo("2025-01-01T00:00:00.000Z/2026-01-01T00:00:00.007Z");
        assertThat(query.path("context").path("timeout").asInt()).isEqualTo(30_000);
        assertThat(query.path("context").path("resultAsArray").asBoolean()).isTrue();
        assertThat(query.path("limitSpec").path("type").asText()).isEqualTo("NoopLimitSpec");
        assertThat(query.toString().replace(JSON.writeValueAsString(hostile), "\"\""))
                .doesNotContain("{{");
        // The template itself is left as it was for the next request.
        assertThat(form.query().path("filter").path("matchValue").asText())
                .isEqualTo("{{selected}}");
    }

    @Test
    void asksForAtMostTheLimitInTheSqlsOrder() throws Exception {
        JsonNode query =
                JSON.readTree(
                        form.bind(hourly, values("client_id", "C-1", FROM, TO), 5001, Map.of()));

        JsonNode limit = query.path("limitSpec");
        assertThat(limit.path("type").asText()).isEqualTo("default");
        assertThat(limit.path("limit").asInt()).isEqualTo(5001);
        assertThat(limit.path("columns").get(0).path("dimension").asText()).isEqualTo("d0");
        assertThat(limit.path("columns").get(0).path("direction").asText()).isEqualTo("ascending");
    }

    @Test
    void givesTheAnswerAsTheSqlsRowsWithItsTimesAsDruidSqlWritesThem() {
        List<Object> values = Arrays.asList(new Object[form.columns().size()]);
        values.set(0, 1740787200000L);
        values.set(1, 3);
        values.set(2, 139974.995);

        List<Map<String, Object>> rows = form.rows(List.of(values));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(form.columns());
        assertThat(rows.get(0))
                .containsEntry("slot_start", "2025-03-01T00:00:00.000Z")
                .containsEntry("panels", 3)
                .containsEntry("power_gen", 139974.995)
                .containsEntry("diff_last_hour", null);
        assertThatThrownBy(() -> form.rows(List.of(List.of(1740787200000L, 3))))
                .isInstanceOf(DashboardsException.class)
                .hasMessageContaining("with 2 columns, not 17");
    }

    @Test
    void writesEveryTimeAsTheFormatterOfDruidSqlsTextDoes() {
        NativeForm.SqlTimes times = new NativeForm.SqlTimes();
        java.util.Random random = new java.util.Random(42);
        List<Long> millis = new java.util.ArrayList<>();
        // A client's hours in order across days, months and a leap day, then times anywhere.
        for (long t = Instant.parse("2024-02-27T00:00:00Z").toEpochMilli(), i = 0; i < 2000; i++) {
            millis.add(t + i * 3_600_000L);
        }
        millis.addAll(
                List.of(
                        0L,
                        -1L,
                        86_399_999L,
                        86_400_000L,
                        Instant.parse("0999-12-31T23:59:59.999Z").toEpochMilli(),
                        Instant.parse("1000-01-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli(),
                        Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli()));
        for (int i = 0; i < 100_000; i++) {
            millis.add(random.nextLong() % 400_000_000_000_000L);
        }

        for (long t : millis) {
            assertThat(times.format(t))
                    .as("%d", t)
                    .isEqualTo(NativeForm.DRUID_TIME.format(Instant.ofEpochMilli(t)));
        }
    }

    @Test
    void refusesAFormOfNoQueryOrNamingAParameterItsQueryLacks(@TempDir Path dir) throws Exception {
        Files.copy(
                ProjectFiles.path("druid/queries/panel_generation_hourly.sql"),
                dir.resolve("panel_generation_hourly.sql"));
        Files.createDirectory(dir.resolve("native"));
        String template =
                Files.readString(
                        ProjectFiles.path("druid/queries/native/panel_generation_hourly.json"),
                        StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("native/panel_generation_hourly.json"),
                template.replace("{{selected}}", "{{client}}"));
        assertThatThrownBy(() -> QueryCatalog.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not have: [client]");

        Files.delete(dir.resolve("native/panel_generation_hourly.json"));
        Files.writeString(dir.resolve("native/panel_generation_weekly.json"), template);
        assertThatThrownBy(() -> QueryCatalog.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no named query panel_generation_weekly.sql");
    }

    /** The positional values of panel_generation_hourly. */
    private static List<Object> values(String scope, String selected, Instant from, Instant to) {
        return List.of(scope, scope, selected, from, to);
    }
}
