package io.controlautogeneracion.pipelines.testing;

import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.wind.WindJob;
import io.controlautogeneracion.pipelines.wind.WindJobSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Starts the wind job as {@code main} would, with the test's addresses, short calm and silence
 * periods and parallelism 2, on the MiniCluster of the calling test class.
 */
public final class TestJobs {
    private TestJobs() {}

    public static JobClient startWindJob(
            String kafkaBootstrap,
            String couchbaseConnectionString,
            String bucket,
            String password,
            Path checkpointDir,
            String... extraArgs)
            throws Exception {
        WindJobSettings settings =
                windSettings(
                        kafkaBootstrap,
                        couchbaseConnectionString,
                        bucket,
                        password,
                        checkpointDir,
                        extraArgs);
        return start(settings, WindJob.fromSettings(settings));
    }

    /** The settings {@link #startWindJob} runs with. */
    public static WindJobSettings windSettings(
            String kafkaBootstrap,
            String couchbaseConnectionString,
            String bucket,
            String password,
            Path checkpointDir,
            String... extraArgs) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--kafka.bootstrap", kafkaBootstrap,
                                "--kafka.transaction-timeout", "1 min",
                                "--couchbase.connection-string", couchbaseConnectionString,
                                "--couchbase.bucket", bucket,
                                "--couchbase.password", password,
                                "--checkpoint.dir", checkpointDir.toString(),
                                "--checkpoint.interval", "300 ms",
                                "--watermark.out-of-orderness", "200 ms",
                                "--watermark.idleness", "5 s",
                                "--alarm.calm-period", "5 s",
                                "--alarm.silence-after", "10 s",
                                "--parallelism", "2"));
        args.addAll(List.of(extraArgs));
        return WindJobSettings.from(
                new JobParameters(args.toArray(String[]::new), Map.of(), "WIND"));
    }

    /** Runs {@code job} with the configuration of {@code settings}. */
    public static JobClient start(WindJobSettings settings, WindJob job) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(WindJob.configuration(settings));
        job.build(env);
        return env.executeAsync("wind job (test)");
    }
}
