package io.controlautogeneracion.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.stack.parts.DashboardsPage;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.stack.parts.FleetSimulator;
import io.controlautogeneracion.stack.parts.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A few live figures of a running stack and where to look for more: readings per second per topic
 * (ingest-service's {@code /topics}), the simulator's progress, wind alarms so far and the latest
 * hour of panel reports (Druid SQL). Every probe is bounded; a part not there yet says so.
 */
public final class StackFigures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();

    static final String WIND_ALARMS =
            "SELECT \"level\", COUNT(*) AS episodes FROM wind_alarm"
                    + " WHERE episode_end IS NULL OR episode_end = '' GROUP BY 1 ORDER BY 1";
    static final String PANEL_REPORT =
            "SELECT MIN(__time) AS earliest, MAX(__time) AS latest, COUNT(*) AS row_count"
                    + " FROM panel_report";

    private StackFigures() {}

    public static List<String> lines(StackContext ctx) {
        String ingest = Services.ingest().url(ctx);
        String sql = DruidService.url(ctx, "broker") + "/druid/v2/sql";
        List<String> lines = new ArrayList<>();
        lines.add("Where to look:");
        lines.add(
                "  ingest throughput   "
                        + ingest
                        + "/topics   (bad messages: /topics/panel/alarms)");
        lines.add("  Druid SQL           " + sql);
        lines.add("  dashboards          " + DashboardsPage.url(ctx) + "/   (./stack dashboards)");
        lines.add("  catalog             " + Services.catalog().url(ctx) + "/q/swagger-ui");
        lines.add("  simulator           " + ctx.logFile(FleetSimulator.NAME));
        lines.add("Figures now (./stack figures repeats them):");
        lines.add("  simulator           " + FleetSimulator.progress(ctx));
        lines.add(
                "  readings/s          "
                        + topics(ingest, "viewer", ctx.config().get("ingest.viewer.password")));
        DruidClient druid =
                new DruidClient(
                        URI.create(DruidService.url(ctx, "coordinator")),
                        URI.create(DruidService.url(ctx, "broker")));
        lines.add("  wind alarms         " + windAlarms(druid));
        lines.add("  panel_report        " + panelReport(druid));
        lines.add("  hourly batch        " + batch(ctx));
        return lines;
    }

    /** The scheduler's ledger: hours reported, due again, failed (with their next attempt). */
    static String batch(StackContext ctx) {
        java.nio.file.Path ledger =
                io.controlautogeneracion.stack.batch.HourlyBatchCommand.stateDir(ctx)
                        .resolve("hours.json");
        if (!java.nio.file.Files.isRegularFile(ledger)) {
            return "no hour reported yet";
        }
        try {
            JsonNode hours = JSON.readTree(ledger.toFile()).path("hours");
            Map<String, Integer> counts = new java.util.TreeMap<>();
            String latest = null;
            String failed = null;
            for (var it = hours.fields(); it.hasNext(); ) {
                var e = it.next();
                String status = e.getValue().path("status").asText();
                counts.merge(status, 1, Integer::sum);
                if (status.equals("reported")) {
                    latest = e.getKey();
                }
                if (status.equals("failed") && failed == null) {
                    failed =
                            e.getKey()
                                    + " ("
                                    + e.getValue().path("error").asText()
                                    + "; next attempt "
                                    + e.getValue().path("next_attempt").asText()
                                    + ")";
                }
            }
            return String.format(
                    Locale.ROOT,
                    "%d hours reported%s, %d due again, %d failed%s",
                    counts.getOrDefault("reported", 0),
                    latest == null ? "" : " (latest " + latest + ")",
                    counts.getOrDefault("dirty", 0),
                    counts.getOrDefault("failed", 0),
                    failed == null ? "" : ", first failed " + failed);
        } catch (IOException e) {
            return "ledger not readable: " + e.getMessage();
        }
    }

    /** Readings per second over the last minute, per topic, with the invalid ones. */
    static String topics(String ingest, String user, String password) {
        try {
            // Longer than a health probe: while a back-fill is ingested the service is busy.
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(ingest + "/topics"))
                                    .header(
                                            "Authorization",
                                            Probes.basicAuthorization(user, password))
                                    .timeout(Duration.ofSeconds(15))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "ingest-service answered " + response.statusCode();
            }
            String body = response.body();
            List<String> parts = new ArrayList<>();
            for (JsonNode t : JSON.readTree(body)) {
                parts.add(
                        String.format(
                                Locale.ROOT,
                                "%s %.1f (invalid %.2f)",
                                t.path("topic").asText(),
                                t.path("messages_per_second").asDouble(),
                                t.path("invalid_per_second").asDouble()));
            }
            return String.join(" · ", parts) + "  over the last minute";
        } catch (IOException e) {
            return "ingest-service not answering: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String windAlarms(DruidClient druid) {
        try {
            if (!served(druid, "wind_alarm")) {
                return "none yet (wind_alarm has no segment yet)";
            }
            List<Map<String, Object>> rows = druid.sql(WIND_ALARMS);
            if (rows.isEmpty()) {
                return "none yet";
            }
            List<String> parts = new ArrayList<>();
            rows.forEach(r -> parts.add(r.get("episodes") + " " + r.get("level")));
            return String.join(", ", parts) + " episodes opened so far";
        } catch (RuntimeException e) {
            return notYet("wind_alarm", e);
        }
    }

    /**
     * Whether the broker knows the datasource: asked first, so that a datasource without a segment
     * yet is not a failed query in the broker's log.
     */
    private static boolean served(DruidClient druid, String datasource) {
        return !druid.sql(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
                                + " 'druid' AND TABLE_NAME = '"
                                + datasource
                                + "'")
                .isEmpty();
    }

    /** Druid answers "not found" for a datasource without a segment yet: say just that. */
    private static String notYet(String datasource, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("not found")
                ? "none yet (" + datasource + " has no segment yet)"
                : "not queryable: " + message.substring(0, Math.min(message.length(), 160));
    }

    static String panelReport(DruidClient druid) {
        try {
            if (!served(druid, "panel_report")) {
                return "none yet (panel_report has no segment yet)";
            }
            List<Map<String, Object>> rows = druid.sql(PANEL_REPORT);
            Map<String, Object> r = rows.isEmpty() ? Map.of() : rows.get(0);
            if (r.get("latest") == null || "0".equals(String.valueOf(r.get("row_count")))) {
                return "no hour yet (the batch runs once the back-fill's hours are closed)";
            }
            return "latest hour "
                    + r.get("latest")
                    + " (since "
                    + r.get("earliest")
                    + "), "
                    + r.get("row_count")
                    + " rows";
        } catch (RuntimeException e) {
            return notYet("panel_report", e);
        }
    }
}
