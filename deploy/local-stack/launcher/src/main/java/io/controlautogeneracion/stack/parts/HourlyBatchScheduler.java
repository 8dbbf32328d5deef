package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.batch.HourlyBatchCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hourly batch's scheduler (flink-pipelines' {@code BatchScheduler}, the same as in
 * production): reports every closed hour that is due, oldest first, each run in a process of its
 * own.
 */
public final class HourlyBatchScheduler implements Part {
    public static final String NAME = "hourly-batch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port("hourly-batch.metrics"));
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        FlinkJob.writeLog4j(ctx);
        // Fail now, not at the first check, when the jobs are not built.
        FlinkJob.classpath(ctx);
    }

    @Override
    public List<String> command(StackContext ctx) {
        List<String> args = new ArrayList<>(HourlyBatchCommand.arguments(ctx));
        args.addAll(
                List.of(
                        "--scheduler.settle",
                        ctx.config().get("hourly-batch.settle.seconds") + " s",
                        "--scheduler.horizon",
                        ctx.config().get("hourly-batch.horizon.hours") + " h",
                        "--metrics.host",
                        ctx.config().host(),
                        "--metrics.port",
                        Integer.toString(ctx.config().port("hourly-batch.metrics"))));
        return JavaCommand.using(ctx, NAME)
                .heap("96m")
                .jvm("-XX:+UseSerialGC")
                .property("log4j.configurationFile", FlinkJob.log4j(ctx).toString())
                .classpath(FlinkJob.classpath(ctx))
                .main(HourlyBatchCommand.SCHEDULER, args.toArray(String[]::new))
                .build();
    }

    /**
     * Each run's JVM options, through the environment: a command-line value cannot start with a
     * dash.
     */
    @Override
    public java.util.Map<String, String> environment(StackContext ctx) {
        return java.util.Map.of(
                "BATCH_SCHEDULER_RUN_JAVA_OPTIONS",
                "-Xmx" + ctx.config().heap("hourly-batch") + " -XX:+UseSerialGC");
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return FlinkJob.loggedSinceStart(ctx, NAME, "hourly batch scheduled");
    }

    @Override
    public String endpoint(StackContext ctx) {
        return "closed hours checked every minute, metrics http://"
                + ctx.config().host()
                + ":"
                + ctx.config().port("hourly-batch.metrics")
                + "/metrics, log "
                + ctx.logFile(NAME);
    }
}
