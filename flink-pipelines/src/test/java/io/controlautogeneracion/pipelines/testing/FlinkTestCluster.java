package io.controlautogeneracion.pipelines.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The Flink cluster of the job tests: a MiniCluster in the test JVM, one task manager with two
 * slots (the jobs' tests run at parallelism 2), for one test class.
 */
public final class FlinkTestCluster {
    private FlinkTestCluster() {}

    /** For a test class's {@code @RegisterExtension static final} field. */
    public static MiniClusterExtension extension() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }
}
