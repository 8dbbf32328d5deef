package io.controlautogeneracion.pipelines.wind;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The job's 1-second windows ({@link WindJob#perSecond}) and its {@link WindAlarms} in two operator
 * harnesses, the windows' output (seconds and watermarks, in their order) fed to the alarms: calm
 * period 5 s, clear ratio 0.9.
 */
final class WindAlarmHarness implements AutoCloseable {
    private final KeyedOneInputStreamOperatorTestHarness<String, EnrichedWindReading, WindSecond>
            windows;
    private final KeyedOneInputStreamOperatorTestHarness<String, WindSecond, WindAlarm> alarms;

    @SuppressWarnings("unchecked")
    WindAlarmHarness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<EnrichedWindReading> input = env.fromData(WindFixtures.reading("W-1", 0, 1.0));
        OneInputTransformation<EnrichedWindReading, WindSecond> perSecond =
                (OneInputTransformation<EnrichedWindReading, WindSecond>)
                        WindJob.perSecond(input).getTransformation();
        windows =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        perSecond.getOperatorFactory(), EnrichedWindReading::windId, Types.STRING);
        windows.open();
        alarms =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new WindAlarms(new WindEpisodes(0.9, Duration.ofSeconds(5))),
                        WindSecond::windId,
                        Types.STRING);
    }

    void send(EnrichedWindReading r) throws Exception {
        windows.processElement(r, r.timestamp());
    }

    /** Moves event time to {@code t} (epoch ms) in the windows, then in the alarms. */
    void watermark(long t) throws Exception {
        windows.processWatermark(t);
        Object out;
        while ((out = windows.getOutput().poll()) != null) {
            if (out instanceof StreamRecord<?> record) {
                alarms.processElement((WindSecond) record.getValue(), record.getTimestamp());
            } else if (out instanceof Watermark w) {
                alarms.processWatermark(w.getTimestamp());
            }
        }
    }

    List<WindAlarm> rows() {
        return alarms.extractOutputValues();
    }

    @Override
    public void close() throws Exception {
        windows.close();
        alarms.close();
    }
}
