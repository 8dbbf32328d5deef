package io.controlautogeneracion.pipelines.wind;

import static io.controlautogeneracion.pipelines.wind.WindFixtures.T0;
import static io.controlautogeneracion.pipelines.wind.WindFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.druid.WindReadingRow;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job's own 1-second window operator ({@link WindJob#perSecond}) in the operator harness. */
class WindSecondsTest {
    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedWindReading, WindSecond> harness;

    @BeforeEach
    void open() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<EnrichedWindReading> input = env.fromData(reading("W-1", 0, 1.0));
        OneInputTransformation<EnrichedWindReading, WindSecond> windows =
                (OneInputTransformation<EnrichedWindReading, WindSecond>)
                        WindJob.perSecond(input).getTransformation();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        windows.getOperatorFactory(), EnrichedWindReading::windId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(EnrichedWindReading r) throws Exception {
        harness.processElement(r, r.timestamp());
    }

    private List<WindReadingRow> rows() {
        return harness.extractOutputValues().stream().map(WindSecond::row).toList();
    }

    @Test
    void shouldSummariseEachAnemometerSecondWithMeanMaxGustAndSamples() throws Exception {
        send(reading("W-1", 100, 10.0, 90.0, 14.0));
        send(reading("W-1", 400, 12.0, 90.0, null));
        send(reading("W-1", 900, 14.0, null, 18.5));
        send(reading("W-2", 500, 3.0));
        send(reading("W-1", 1_100, 20.0));
        harness.processWatermark(T0 + 999);

        assertThat(rows()).hasSize(2);
        WindReadingRow w1 = rows().stream().filter(r -> r.windId().equals("W-1")).findFirst().get();
        assertThat(w1.timestamp()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(w1.windSpeedAvg()).isEqualTo(12.0);
        assertThat(w1.windSpeedMax()).isEqualTo(14.0);
        assertThat(w1.gustMax()).isEqualTo(18.5);
        assertThat(w1.windDirection()).isEqualTo(90.0);
        assertThat(w1.samples()).isEqualTo(3);
        assertThat(w1.enrichment().clientId()).isEqualTo("C-A");
        WindReadingRow w2 = rows().stream().filter(r -> r.windId().equals("W-2")).findFirst().get();
        assertThat(w2.gustMax()).isNull();
        assertThat(w2.windDirection()).isNull();
    }

    @Test
    void shouldAverageDirectionsAcrossNorthAsAnAngleNotAsNumbers() throws Exception {
        send(reading("W-1", 100, 5.0, 359.0, null));
        send(reading("W-1", 200, 5.0, 1.0, null));
        send(reading("W-1", 1_100, 5.0, 350.0, null));
        send(reading("W-1", 1_200, 5.0, 20.0, null));
        harness.processWatermark(T0 + 1_999);

        assertThat(rows()).extracting(WindReadingRow::windDirection).containsExactly(0.0, 5.0);
    }

    @Test
    void shouldGiveNoDirectionWhenOppositeDirectionsCancelOut() {
        assertThat(WindSecondAggregate.circularMean(0.0, 1e-12, 2)).isNull();
        assertThat(WindSecondAggregate.circularMean(-1.0, 0.0, 1)).isCloseTo(270.0, within(1e-9));
    }

    @Test
    void shouldLeaveOutAReadingThatArrivesAfterItsSecondWasEmitted() throws Exception {
        send(reading("W-1", 100, 10.0));
        harness.processWatermark(T0 + 999);
        send(reading("W-1", 800, 30.0));
        send(reading("W-1", 1_100, 11.0));
        harness.processWatermark(T0 + 1_999);

        assertThat(rows())
                .extracting(WindReadingRow::windSpeedMax, WindReadingRow::samples)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10.0, 1),
                        org.assertj.core.groups.Tuple.tuple(11.0, 1));
    }

    @Test
    void shouldWaitForTheWatermarkBeforeEmittingASecond() throws Exception {
        send(reading("W-1", 100, 10.0));
        send(reading("W-1", 1_500, 10.0));
        harness.processWatermark(T0 + 998);

        assertThat(rows()).isEmpty();
    }
}
