package io.controlautogeneracion.pipelines.testing;

import java.lang.management.ManagementFactory;

/** The CPU time of this JVM, every thread's, for the benchmarks' figures. */
public final class ProcessCpu {
    private ProcessCpu() {}

    /** The JVM's CPU time so far, in nanoseconds. */
    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
