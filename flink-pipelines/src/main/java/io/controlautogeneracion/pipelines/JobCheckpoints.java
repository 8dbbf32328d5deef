package io.controlautogeneracion.pipelines;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of the streaming jobs: exactly once, in a directory (local or any Flink file system
 * URI), retained on cancel, and, when asked, the newest retained one to resume from, so a job
 * started again goes on where it stopped.
 */
public final class JobCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(JobCheckpoints.class);

    private JobCheckpoints() {}

    public static void configure(
            Configuration conf, String dir, Duration interval, boolean resume) {
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(dir));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // Only a local directory can be searched for the newest checkpoint.
        if (resume && !dir.contains("://")) {
            LatestCheckpoint.in(Path.of(dir))
                    .ifPresent(
                            chk -> {
                                LOG.info("resuming from checkpoint {}", chk);
                                conf.set(
                                        StateRecoveryOptions.SAVEPOINT_PATH,
                                        chk.toUri().toString());
                            });
        }
    }

    /** A directory as a Flink file system URI: local paths become absolute {@code file:} URIs. */
    public static String uri(String dir) {
        return dir.contains("://") ? dir : Path.of(dir).toAbsolutePath().toUri().toString();
    }
}
