package io.controlautogeneracion.pipelines.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each range of the hourly batch in a process of its own, on the scheduler's own Java and
 * class path: a run's memory (a Flink local cluster, its rows) is given back when it ends, and a
 * run that dies, even of an out-of-memory error or a kill, is a failed attempt, not a dead
 * scheduler. The run gets the scheduler's arguments (its own are left out) and environment.
 */
final class ProcessRunner implements BatchScheduler.Runner {
    private final List<String> batchArgs;
    private final SchedulerSettings settings;

    ProcessRunner(String[] args, SchedulerSettings settings) {
        this.settings = settings;
        this.batchArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean own = args[i].startsWith("--scheduler.") || args[i].startsWith("--metrics.");
            boolean range = List.of("--hour", "--from", "--to").contains(args[i]);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            if (!own && !range) {
                batchArgs.add(args[i]);
                if (hasValue) {
                    batchArgs.add(args[i + 1]);
                }
            }
            if (hasValue) {
                i++;
            }
        }
    }

    @Override
    public void run(HourRange range) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Arrays.asList(settings.runJavaOptions().trim().split("\\s+")));
        String log4j = System.getProperty("log4j.configurationFile");
        if (log4j != null) {
            command.add("-Dlog4j.configurationFile=" + log4j);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HourlyBatch.class.getName());
        command.addAll(batchArgs);
        command.addAll(List.of("--from", range.from().toString(), "--to", range.to().toString()));
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
        // The run's errors go to the scheduler's own log, and its last word is why it failed.
        AtomicReference<String> why = new AtomicReference<>();
        Thread drain =
                new Thread(
                        () -> {
                            try (BufferedReader err =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getErrorStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = err.readLine();
                                        line != null;
                                        line = err.readLine()) {
                                    System.err.println(line);
                                    if (line.startsWith(HourlyBatch.FAILED)) {
                                        why.set(line.substring(HourlyBatch.FAILED.length()));
                                    }
                                }
                            } catch (IOException e) {
                                // The process ended: nothing more to read.
                            }
                        },
                        "hourly-batch-run-stderr");
        drain.setDaemon(true);
        drain.start();
        if (!process.waitFor(settings.runTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new BatchException(
                    "the run did not end within " + settings.runTimeout() + ": killed");
        }
        drain.join(TimeUnit.SECONDS.toMillis(10));
        int exit = process.exitValue();
        if (exit != 0) {
            throw new BatchException(
                    why.get() != null
                            ? why.get()
                            : "the run's process ended with exit code " + exit);
        }
    }
}
