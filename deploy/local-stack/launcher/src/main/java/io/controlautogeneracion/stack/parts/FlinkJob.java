package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Flink streaming job of {@code flink-pipelines/} in its own JVM, on a local execution
 * environment (production submits the same job jar to a Flink cluster). Healthy once its job is
 * RUNNING.
 */
public final class FlinkJob implements Part {
    private static final String RUNNING = "switched from state CREATED to RUNNING";

    private final String name;
    private final String mainClass;
    private final String key;
    private final Function<StackContext, Map<String, String>> environment;
    private final Function<StackContext, List<String>> arguments;

    /**
     * @param key the settings prefix in the stack configuration ({@code <key>.heap})
     * @param environment the job's environment, derived from the stack (its Kafka credentials)
     * @param arguments the job's command-line arguments, derived from the stack
     */
    public FlinkJob(
            String name,
            String mainClass,
            String key,
            Function<StackContext, Map<String, String>> environment,
            Function<StackContext, List<String>> arguments) {
        this.name = name;
        this.mainClass = mainClass;
        this.key = key;
        this.environment = environment;
        this.arguments = arguments;
    }

    @Override
    public Map<String, String> environment(StackContext ctx) {
        return environment.apply(ctx);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of();
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        writeLog4j(ctx);
    }

    /** Writes the logging configuration of job JVMs. */
    public static void writeLog4j(StackContext ctx) throws IOException {
        Path file = log4j(ctx);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Resources.text("/log4j2-flink-job.properties"));
    }

    /** The logging configuration of job JVMs, written at each start. */
    public static Path log4j(StackContext ctx) {
        return ctx.dataDir().resolve("conf").resolve("log4j2-flink-job.properties");
    }

    /** The job's classpath as written by the flink-pipelines build. */
    public static String classpath(StackContext ctx) {
        return ProjectLayout.moduleClasspath(ctx.config().projectDir(), "flink-pipelines");
    }

    @Override
    public List<String> command(StackContext ctx) {
        return JavaCommand.using(ctx, name)
                .heap(ctx.config().heap(key))
                .property("log4j2.configurationFile", log4j(ctx))
                .classpath(classpath(ctx))
                .main(mainClass, arguments.apply(ctx).toArray(String[]::new))
                .build();
    }

    /** Running once Flink reports the job RUNNING in this start's part of the log. */
    @Override
    public boolean healthy(StackContext ctx) {
        return loggedSinceStart(ctx, name, RUNNING);
    }

    /** Whether a part's log holds {@code text} after the line that marks its latest start. */
    static boolean loggedSinceStart(StackContext ctx, String part, String text) {
        try {
            String log = Files.readString(ctx.logFile(part));
            int start = log.lastIndexOf("---- starting " + part);
            return start >= 0 && log.indexOf(text, start) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String endpoint(StackContext ctx) {
        return "Flink job (local execution), log " + ctx.logFile(name);
    }
}
