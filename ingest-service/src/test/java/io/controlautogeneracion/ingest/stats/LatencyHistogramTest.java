package io.controlautogeneracion.ingest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void shouldPlaceEveryValueInABucketWhoseBoundsContainIt() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long value =
                    random.nextInt(10) == 0
                            ? random.nextInt(64)
                            : Math.abs(random.nextLong() >> random.nextInt(60));
            int index = LatencyHistogram.index(value);
            assertThat(LatencyHistogram.upperBound(index)).isGreaterThanOrEqualTo(value);
            assertThat(index == 0 || LatencyHistogram.upperBound(index - 1) < value).isTrue();
        }
    }

    @Test
    void shouldAnswerTheP95WithinTheBucketResolution() {
        LatencyHistogram histogram = new LatencyHistogram();
        LongStream.rangeClosed(1, 10_000).forEach(histogram::add);
        long p95 = histogram.quantile(0.95, 10_000);
        assertThat((double) p95).isCloseTo(9_500, within(9_500 * 0.0625));
        assertThat(histogram.quantile(1.0, 10_000)).isEqualTo(10_000);
        assertThat(new LatencyHistogram().quantile(0.95, 0)).isEqualTo(-1);
    }

    @Test
    void shouldMergeAndSurviveTheStoredForm() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LongStream.range(0, 500).forEach(a::add);
        LongStream.range(500, 1000).forEach(b::add);
        a.merge(b);
        LatencyHistogram stored = LatencyHistogram.fromSparse(a.toSparse());
        assertThat(stored).isEqualTo(a);
        assertThat(stored.total()).isEqualTo(1000);
    }
}
