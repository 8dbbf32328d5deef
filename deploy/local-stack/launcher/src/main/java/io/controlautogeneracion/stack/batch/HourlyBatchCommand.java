package io.controlautogeneracion.stack.batch;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.stack.parts.FlinkJob;
import io.controlautogeneracion.stack.parts.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of the hourly batch wired to the local stack (landing files, its state, Druid
 * and the catalog): one run (RichPanel → WritePanel, RichSensorLight → WriteSensorLight), the
 * scheduler that runs it, and the audit of its reports.
 */
public final class HourlyBatchCommand {
    public static final String MAIN = "io.controlautogeneracion.pipelines.batch.HourlyBatch";
    public static final String SCHEDULER =
            "io.controlautogeneracion.pipelines.batch.BatchScheduler";
    public static final String AUDIT = "io.controlautogeneracion.pipelines.batch.BatchAudit";
    public static final String ENERGY = "io.controlautogeneracion.pipelines.panel.EnergyCheck";

    private HourlyBatchCommand() {}

    /** One run for the given arguments (a range: {@code --from X --to Y}, or {@code --hour}). */
    public static List<String> build(StackContext ctx, List<String> extra) {
        return command(ctx, "hourly-batch-run", MAIN, extra);
    }

    /** The audit for the given arguments (a range, or every landed hour). */
    public static List<String> audit(StackContext ctx, List<String> extra) {
        return command(ctx, "hourly-batch-audit", AUDIT, extra);
    }

    /** The check of the reports against the panels' counters (a range, or every landed hour). */
    public static List<String> energy(StackContext ctx, List<String> extra) {
        return command(ctx, "hourly-batch-energy", ENERGY, extra);
    }

    /** Where the batch keeps its ledger and edge readings. */
    public static Path stateDir(StackContext ctx) {
        return ctx.partDir("hourly-batch").resolve("state");
    }

    /** The arguments every batch command shares. */
    public static List<String> arguments(StackContext ctx) {
        return List.of(
                "--landing.dir",
                Services.landingDir(ctx).toString(),
                "--work.dir",
                ctx.partDir("hourly-batch").resolve("work").toString(),
                "--state.dir",
                stateDir(ctx).toString(),
                "--druid.tasks-dir",
                ProjectLayout.druidDir(ctx.config().projectDir()).resolve("tasks").toString(),
                "--druid.overlord",
                DruidService.url(ctx, "coordinator"),
                "--druid.broker",
                DruidService.url(ctx, "broker"),
                "--couchbase.connection-string",
                CouchbaseStandInPart.connectionString(ctx),
                "--couchbase.bucket",
                ctx.config().get("couchbase.bucket"),
                "--couchbase.password",
                ctx.config().get("couchbase.password"));
    }

    private static List<String> command(
            StackContext ctx, String name, String main, List<String> extra) {
        List<String> args = new ArrayList<>(arguments(ctx));
        args.addAll(extra);
        return JavaCommand.using(ctx, name)
                .heap(ctx.config().heap("hourly-batch"))
                .classpath(FlinkJob.classpath(ctx))
                .main(main, args.toArray(String[]::new))
                .build();
    }
}
