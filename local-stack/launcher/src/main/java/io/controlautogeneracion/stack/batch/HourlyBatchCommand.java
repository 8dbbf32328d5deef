package io.controlautogeneracion.stack.batch;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.stack.parts.FlinkJob;
import io.controlautogeneracion.stack.parts.Services;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the hourly batch (RichPanel → WritePanel, RichSensorLight → WriteSensorLight)
 * wired to the local stack: landing files, Druid and the catalog.
 */
public final class HourlyBatchCommand {
    public static final String MAIN = "io.controlautogeneracion.pipelines.batch.HourlyBatch";

    private HourlyBatchCommand() {}

    /**
     * The command for the given extra arguments (a range: {@code --from X --to Y}, or {@code
     * --hour}).
     */
    public static List<String> build(StackContext ctx, List<String> extra) {
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "--landing.dir",
                        Services.landingDir(ctx).toString(),
                        "--druid.tasks-dir",
                        ProjectLayout.druidDir(ctx.config().projectDir())
                                .resolve("tasks")
                                .toString(),
                        "--druid.overlord",
                        DruidService.url(ctx, "coordinator"),
                        "--druid.broker",
                        DruidService.url(ctx, "broker"),
                        "--couchbase.connection-string",
                        CouchbaseStandInPart.connectionString(ctx),
                        "--couchbase.bucket",
                        ctx.config().get("couchbase.bucket"),
                        "--couchbase.password",
                        ctx.config().get("couchbase.password")));
        args.addAll(extra);
        return JavaCommand.using(ctx, "hourly-batch-run")
                .heap(ctx.config().heap("hourly-batch"))
                .classpath(FlinkJob.classpath(ctx))
                .main(MAIN, args.toArray(String[]::new))
                .build();
    }
}
