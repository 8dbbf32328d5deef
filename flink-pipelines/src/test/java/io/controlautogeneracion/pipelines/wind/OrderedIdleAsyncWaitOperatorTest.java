package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A source's idle mark and the elements still waiting for their results, in Flink's test harness:
 * the mark leaves after them, and a source active again first cancels it.
 */
class OrderedIdleAsyncWaitOperatorTest {
    /** Results the test completes itself; an input with none completes at once. */
    private final Map<Integer, CompletableFuture<Integer>> held = new ConcurrentHashMap<>();

    private OneInputStreamOperatorTestHarness<Integer, Integer> harness;

    @AfterEach
    void close() throws Exception {
        held.values().forEach(f -> f.complete(-1));
        if (harness != null) {
            drainMailbox();
            harness.close();
        }
    }

    @Test
    void shouldPassTheIdleMarkOnOnlyAfterTheElementsAheadOfIt() throws Exception {
        open(orderedIdle());
        held.put(1, new CompletableFuture<>());
        harness.processWatermark(5);
        harness.processElement(1, 10);
        harness.processElement(2, 11);

        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(harness.getOutput()).containsExactly(new Watermark(5));

        held.get(1).complete(100);
        drainMailbox();
        assertThat(harness.getOutput())
                .containsExactly(
                        new Watermark(5),
                        new StreamRecord<>(100, 10),
                        new StreamRecord<>(2, 11),
                        new Watermark(5),
                        WatermarkStatus.IDLE);

        harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
        assertThat(harness.getOutput()).last().isEqualTo(WatermarkStatus.ACTIVE);
    }

    @Test
    void shouldPassTheIdleMarkOnAtOnceWhenNothingIsWaiting() throws Exception {
        open(orderedIdle());
        harness.processWatermark(5);
        harness.processElement(2, 11);
        // Even a result there at once is emitted by a mail of the task's thread.
        drainMailbox();

        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        // A second idle mark while idle adds nothing.
        harness.processWatermarkStatus(WatermarkStatus.IDLE);

        assertThat(harness.getOutput())
                .containsExactly(
                        new Watermark(5),
                        new StreamRecord<>(2, 11),
                        new Watermark(5),
                        WatermarkStatus.IDLE);
    }

    @Test
    void shouldForgetTheIdleMarkWhenTheSourceIsActiveAgainBeforeTheQueueDrains() throws Exception {
        open(orderedIdle());
        held.put(1, new CompletableFuture<>());
        harness.processElement(1, 10);
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
        harness.processElement(3, 12);
        harness.processWatermark(12);

        held.get(1).complete(100);
        drainMailbox();

        assertThat(harness.getOutput())
                .doesNotContain(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
        assertThat(harness.getOutput())
                .filteredOn(StreamRecord.class::isInstance)
                .containsExactly(new StreamRecord<>(100, 10), new StreamRecord<>(3, 12));
        assertThat(harness.getOutput()).last().isEqualTo(new Watermark(12));
    }

    @Test
    void shouldShowWhyItExistsFlinksOwnOperatorPassesTheIdleMarkAheadOfWaitingElements()
            throws Exception {
        // If a later Flink keeps the mark in order, this fails and the class can go.
        open(new AsyncWaitOperatorFactory<>(function(), 60_000, 10, ORDERED));
        held.put(1, new CompletableFuture<>());
        harness.processElement(1, 10);

        harness.processWatermarkStatus(WatermarkStatus.IDLE);

        assertThat(harness.getOutput()).containsExactly(WatermarkStatus.IDLE);
    }

    private static final AsyncDataStream.OutputMode ORDERED = AsyncDataStream.OutputMode.ORDERED;

    private OneInputStreamOperatorFactory<Integer, Integer> orderedIdle() {
        return new OrderedIdleAsyncWaitOperator.Factory<>(function(), 60_000, 10, ORDERED);
    }

    private AsyncFunction<Integer, Integer> function() {
        return (in, result) ->
                held.getOrDefault(in, CompletableFuture.completedFuture(in))
                        .thenAccept(out -> result.complete(List.of(out)));
    }

    private void open(OneInputStreamOperatorFactory<Integer, Integer> factory) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(factory, IntSerializer.INSTANCE);
        harness.open();
    }

    /** Runs the mails the completed results left, as the task's thread would. */
    private void drainMailbox() throws Exception {
        Optional<Mail> mail;
        while ((mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
            mail.get().run();
        }
    }
}
