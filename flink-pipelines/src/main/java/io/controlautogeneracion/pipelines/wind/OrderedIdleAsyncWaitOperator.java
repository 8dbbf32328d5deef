package io.controlautogeneracion.pipelines.wind;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.graph.StreamConfig;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperator;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.LatencyMarker;
import org.apache.flink.streaming.runtime.streamrecord.RecordAttributes;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import org.apache.flink.streaming.runtime.tasks.StreamTask;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.apache.flink.util.OutputTag;

/**
 * Flink's {@link AsyncWaitOperator}, except that a source's idle mark keeps its place behind the
 * elements still waiting for their results.
 *
 * <p>Flink's operator (2.2) passes the idle mark on at once. The operators downstream then stop
 * waiting for this input while its last readings are still with the catalog, the other inputs'
 * watermark moves past them, and when they come out their seconds have closed: they are late and
 * left out. However long the idle timeout, a lookup that outlasts it (a slow catalog, the task's
 * thread held up under load while both the lookup's timeout and the idle check fall due) is enough.
 * Here the idle mark puts the last watermark this input had back in the queue behind those
 * elements, and is passed on when that watermark comes out: after every element that came before
 * the mark, in either output mode. A source that becomes active again first cancels it.
 */
public final class OrderedIdleAsyncWaitOperator<IN, OUT> extends AsyncWaitOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private static final long NONE = 0;

    // setup() runs inside the superclass's constructor: these are first written after it.
    private long lastWatermark = Long.MIN_VALUE;
    private long watermarksQueued;
    private long watermarksEmitted;
    private long idleAfterWatermark = NONE;
    private boolean idleDownstream;

    private OrderedIdleAsyncWaitOperator(
            StreamOperatorParameters<OUT> parameters,
            AsyncFunction<IN, OUT> function,
            long timeout,
            int capacity,
            AsyncDataStream.OutputMode mode,
            ProcessingTimeService timers,
            MailboxExecutor mailbox) {
        super(
                parameters,
                function,
                timeout,
                capacity,
                mode,
                AsyncRetryStrategies.NO_RETRY_STRATEGY,
                timers,
                mailbox);
    }

    /** {@code AsyncDataStream.orderedWait}, with the idle mark kept in order. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
            DataStream<IN> in,
            AsyncFunction<IN, OUT> function,
            long timeoutMillis,
            int capacity,
            TypeInformation<OUT> type) {
        AsyncFunction<IN, OUT> cleaned = in.getExecutionEnvironment().clean(function);
        return in.transform(
                "async wait operator",
                type,
                new Factory<>(
                        cleaned, timeoutMillis, capacity, AsyncDataStream.OutputMode.ORDERED));
    }

    @Override
    protected void setup(
            StreamTask<?, ?> containingTask,
            StreamConfig config,
            Output<StreamRecord<OUT>> output) {
        super.setup(containingTask, config, new CountingWatermarks(output));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        lastWatermark = mark.getTimestamp();
        watermarksQueued++;
        super.processWatermark(mark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        if (status.isIdle()) {
            if (!idleDownstream && idleAfterWatermark == NONE) {
                // Passed on by CountingWatermarks once this watermark leaves the queue, which
                // may be at once.
                idleAfterWatermark = watermarksQueued + 1;
                processWatermark(new Watermark(lastWatermark));
            }
        } else {
            idleAfterWatermark = NONE;
            if (idleDownstream) {
                idleDownstream = false;
                super.processWatermarkStatus(status);
            }
        }
    }

    private void watermarkEmitted(Output<?> downstream) {
        watermarksEmitted++;
        if (idleAfterWatermark != NONE && watermarksEmitted >= idleAfterWatermark) {
            idleAfterWatermark = NONE;
            idleDownstream = true;
            downstream.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    /** The operator's output, counting the watermarks that leave the queue. */
    private final class CountingWatermarks implements Output<StreamRecord<OUT>> {
        private final Output<StreamRecord<OUT>> downstream;

        CountingWatermarks(Output<StreamRecord<OUT>> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void emitWatermark(Watermark mark) {
            downstream.emitWatermark(mark);
            watermarkEmitted(downstream);
        }

        @Override
        public void emitWatermark(org.apache.flink.runtime.event.WatermarkEvent watermark) {
            downstream.emitWatermark(watermark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            downstream.emitWatermarkStatus(status);
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            downstream.collect(tag, record);
        }

        @Override
        public void collect(StreamRecord<OUT> record) {
            downstream.collect(record);
        }

        @Override
        public void emitLatencyMarker(LatencyMarker marker) {
            downstream.emitLatencyMarker(marker);
        }

        @Override
        public void emitRecordAttributes(RecordAttributes attributes) {
            downstream.emitRecordAttributes(attributes);
        }

        @Override
        public void close() {
            downstream.close();
        }
    }

    /** Makes the operator; chained to the source as Flink's own factory is. */
    static final class Factory<IN, OUT> extends AsyncWaitOperatorFactory<IN, OUT> {
        private static final long serialVersionUID = 1L;
        private final AsyncFunction<IN, OUT> function;
        private final long timeout;
        private final int capacity;
        private final AsyncDataStream.OutputMode mode;

        Factory(
                AsyncFunction<IN, OUT> function,
                long timeout,
                int capacity,
                AsyncDataStream.OutputMode mode) {
            super(function, timeout, capacity, mode);
            this.function = function;
            this.timeout = timeout;
            this.capacity = capacity;
            this.mode = mode;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<OUT>> T createStreamOperator(
                StreamOperatorParameters<OUT> parameters) {
            return (T)
                    new OrderedIdleAsyncWaitOperator<IN, OUT>(
                            parameters,
                            function,
                            timeout,
                            capacity,
                            mode,
                            processingTimeService,
                            getMailboxExecutor());
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader loader) {
            return OrderedIdleAsyncWaitOperator.class;
        }
    }
}
