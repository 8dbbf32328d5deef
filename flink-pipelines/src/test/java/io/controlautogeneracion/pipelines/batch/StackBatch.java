package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hourly batch's settings for a test's local stack, built from command-line arguments the way
 * {@link HourlyBatch#main} builds them: landing, work and state directories under {@code base}.
 */
public final class StackBatch {
    private StackBatch() {}

    /** The arguments; {@code extra} adds to or overrides them. */
    public static String[] args(RunningStack stack, Path base, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--landing.dir", base.resolve("landing").toString(),
                                "--work.dir", base.resolve("work").toString(),
                                "--state.dir", base.resolve("state").toString(),
                                "--druid.tasks-dir", ProjectFiles.path("druid/tasks").toString(),
                                "--druid.overlord",
                                        DruidService.url(stack.context(), "coordinator"),
                                "--druid.broker", DruidService.url(stack.context(), "broker"),
                                "--druid.task-timeout", "3 min",
                                "--couchbase.connection-string", stack.couchbaseConnectionString(),
                                "--couchbase.bucket", stack.couchbaseBucket(),
                                "--couchbase.password", stack.couchbasePassword(),
                                "--parallelism", "2"));
        args.addAll(List.of(extra));
        return dedupe(args);
    }

    /** {@code --key value} pairs with later values winning, as a map of the command line would. */
    public static String[] dedupe(List<String> args) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            byKey.put(args.get(i), args.get(i + 1));
        }
        List<String> out = new ArrayList<>();
        byKey.forEach(
                (k, v) -> {
                    out.add(k);
                    out.add(v);
                });
        return out.toArray(String[]::new);
    }

    public static BatchSettings settings(RunningStack stack, Path base, String... extra) {
        return BatchSettings.from(new JobParameters(args(stack, base, extra), Map.of(), "BATCH"));
    }
}
