package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.batch.BatchScheduler;
import java.io.IOException;
import java.util.List;

/** The process that runs the hourly batch every hour (see {@link BatchScheduler}). */
public final class HourlyBatchScheduler implements Part {
    public static final String NAME = "hourly-batch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of();
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        FlinkJob.writeLog4j(ctx);
        // Fail now, not at the first tick, when the jobs are not built.
        FlinkJob.classpath(ctx);
    }

    @Override
    public List<String> command(StackContext ctx) {
        JavaCommand command =
                JavaCommand.using(ctx, NAME)
                        .heap("64m")
                        .jvm("-XX:+UseSerialGC")
                        .property("stack.project.dir", ctx.config().projectDir());
        // The scheduler sees exactly this stack's settings (the tests' free ports included).
        ctx.config().asMap().forEach((key, value) -> command.property("stack." + key, value));
        return command.classpath(ProjectLayout.launcherClasspath(ctx.config().projectDir()))
                .main(BatchScheduler.class.getName())
                .build();
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return FlinkJob.loggedSinceStart(ctx, NAME, "hourly batch scheduled");
    }

    @Override
    public String endpoint(StackContext ctx) {
        return "every hour at minute "
                + ctx.config().get("hourly-batch.delay.minutes")
                + ", log "
                + ctx.logFile(NAME);
    }
}
