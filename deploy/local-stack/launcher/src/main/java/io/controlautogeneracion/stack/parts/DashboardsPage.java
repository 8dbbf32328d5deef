package io.controlautogeneracion.stack.parts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboards page ({@code superset/page/}'s {@code DashboardsServer}) in its own JVM: the three
 * dashboards of the Superset bundle as a page, each chart a named query of {@code druid/queries/}
 * run on the stack's Druid broker. Healthy when it answers its health check.
 */
public final class DashboardsPage implements Part {
    public static final String NAME = "dashboards";
    static final String MAIN = "io.controlautogeneracion.dashboards.DashboardsServer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port(NAME));
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        classpath(ctx);
    }

    /** The dashboards module's classes and runtime classpath, as written by its build. */
    static String classpath(StackContext ctx) {
        return ProjectLayout.moduleClasspath(ctx.config().projectDir(), "superset/page");
    }

    @Override
    public List<String> command(StackContext ctx) {
        return JavaCommand.using(ctx, NAME)
                .heap(ctx.config().heap(NAME))
                .jvm("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .classpath(classpath(ctx))
                .main(
                        MAIN,
                        "--host",
                        ctx.host(),
                        "--port",
                        Integer.toString(ctx.config().port(NAME)),
                        "--broker",
                        DruidService.url(ctx, "broker"),
                        "--queries",
                        ctx.config().projectDir().resolve("druid/queries").toString())
                .build();
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return Probes.httpGet(url(ctx) + "/api/health", null, null) != null;
    }

    @Override
    public String endpoint(StackContext ctx) {
        return url(ctx) + "/ (./stack dashboards lists the dashboards)";
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8090}. */
    public static String url(StackContext ctx) {
        return "http://" + ctx.host() + ":" + ctx.config().port(NAME);
    }

    /** One line per dashboard of the running page: its title and address. */
    public static List<String> dashboards(StackContext ctx) {
        String spec = Probes.httpGet(url(ctx) + "/dashboards.json", null, null);
        if (spec == null) {
            throw new StackException(
                    "the dashboards page does not answer at "
                            + url(ctx)
                            + " (./stack up dashboards)");
        }
        List<String> lines = new ArrayList<>();
        try {
            for (JsonNode dashboard : JSON.readTree(spec).path("dashboards")) {
                lines.add(
                        String.format(
                                "  %-40s %s/#dashboard=%s",
                                dashboard.path("title").asText(),
                                url(ctx),
                                dashboard.path("id").asText()));
            }
        } catch (IOException e) {
            throw new StackException("the dashboards page answered an unreadable list", e);
        }
        return lines;
    }
}
