package io.controlautogeneracion.pipelines.batch;

import org.apache.flink.api.common.JobExecutionResult;

/**
 * Checks that the driver collected every hour a batch job emitted. Collecting from a local cluster
 * that shuts down with its job can warn that "some data might be lost"; a run with a silently
 * missing panel would load wrong totals, so a mismatch stops it.
 */
public final class HourCount {
    private HourCount() {}

    public static void check(JobExecutionResult result, String counter, long collected) {
        Long emitted = result.getAccumulatorResult(counter);
        if (emitted != null && emitted != collected) {
            throw new BatchException(
                    "the job emitted " + emitted + " hours but " + collected + " were collected");
        }
    }
}
