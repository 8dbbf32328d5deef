package io.controlautogeneracion.pipelines.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.landing.HourPartitions;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PartitionCloser} in an operator harness: an hour is closed only once the watermark has
 * passed its end plus the allowed lateness and a checkpoint after the one that carried its last
 * files has completed; a restart from a checkpoint neither forgets nor repeats a pending close.
 */
class PartitionCloserTest {
    private static final long LATENESS_MS = 120_000;
    private static final Instant TEN = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant ELEVEN = TEN.plusSeconds(3_600);

    @TempDir Path base;
    private KeyedOneInputStreamOperatorTestHarness<String, LandedLine, Void> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, LandedLine, Void> harness(
            OperatorSubtaskState restored) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, LandedLine, Void> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new PartitionCloser(base.toString(), LATENESS_MS)),
                        LandedLine::topic,
                        Types.STRING);
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static LandedLine line(String topic, Instant at) {
        return new LandedLine(topic, "D-1", at.toEpochMilli(), "{}", null);
    }

    private void send(String topic, Instant at) throws Exception {
        harness.processElement(line(topic, at), at.toEpochMilli());
    }

    private boolean closed(String topic, Instant hour) {
        return HourPartitions.isClosed(base, topic, hour);
    }

    @Test
    void shouldCloseAnHourOnlyAfterItsLatenessAndACheckpointAfterTheOneCarryingItsFiles()
            throws Exception {
        harness = harness(null);
        send("panel", TEN.plusSeconds(900));
        send("panel", TEN.plusSeconds(2_700));
        send("sensor-wind", ELEVEN.plusSeconds(60));

        // Past the hour's end but within the lateness: a late line may still come.
        harness.processWatermark(ELEVEN.toEpochMilli() + LATENESS_MS - 1);
        harness.snapshot(1, 1);
        harness.notifyOfCompletedCheckpoint(1);
        harness.notifyOfCompletedCheckpoint(2);
        assertThat(closed("panel", TEN)).isFalse();

        harness.processWatermark(ELEVEN.toEpochMilli() + LATENESS_MS);
        // The checkpoint after the timer carries the hour's last files: not yet committed.
        harness.snapshot(3, 3);
        harness.notifyOfCompletedCheckpoint(3);
        assertThat(closed("panel", TEN)).isFalse();
        // A later checkpoint completes: the sink has committed them.
        harness.notifyOfCompletedCheckpoint(4);
        assertThat(closed("panel", TEN)).isTrue();
        // The other topic's hour is still open, and no hour a line never reached is closed.
        assertThat(closed("sensor-wind", ELEVEN)).isFalse();
        assertThat(closed("sensor-wind", TEN)).isFalse();
    }

    @Test
    void shouldCloseAfterARestartAnHourWhoseCloseWasPendingInTheCheckpoint() throws Exception {
        harness = harness(null);
        send("panel", TEN.plusSeconds(900));
        harness.processWatermark(ELEVEN.toEpochMilli() + LATENESS_MS);
        OperatorSubtaskState checkpoint = harness.snapshot(7, 7);
        // The job fails before checkpoint 8 completes.
        harness.close();
        assertThat(closed("panel", TEN)).isFalse();

        harness = harness(checkpoint);
        harness.notifyOfCompletedCheckpoint(7);
        assertThat(closed("panel", TEN)).isFalse();
        harness.snapshot(8, 8);
        harness.notifyOfCompletedCheckpoint(8);
        assertThat(closed("panel", TEN)).isTrue();
    }

    @Test
    void shouldKeepAnHourOpenWhenTheTimerFiresAfterTheCheckpointTaken() throws Exception {
        harness = harness(null);
        send("panel", TEN.plusSeconds(900));
        harness.snapshot(1, 1);
        // The hour becomes due after checkpoint 1 was taken: 1's files are not its last ones.
        harness.processWatermark(ELEVEN.toEpochMilli() + LATENESS_MS);
        harness.notifyOfCompletedCheckpoint(1);
        harness.notifyOfCompletedCheckpoint(2);
        assertThat(closed("panel", TEN)).isFalse();
        harness.snapshot(3, 3);
        harness.notifyOfCompletedCheckpoint(4);
        assertThat(closed("panel", TEN)).isTrue();
    }
}
