package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.pipelines.batch.SerializerType;
import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * {@link PanelSamplesSerializer} through Flink's own serializer checks (copies, reuse, sequences,
 * copies between views, duplicates on threads, snapshots), on readings that test the encoding:
 * times out of order, repeated, at the ends of the long range; NaN counters, negative zero, spare
 * capacity; a month of one panel.
 */
class PanelSamplesSerializerTest extends SerializerTestBase<PanelSamples> {
    private static final long MINUTE = 60_000L;
    private static final long JAN_2025 = 1_735_689_600_000L;

    PanelSamplesSerializerTest() {
        super(
                new DeeplyEqualsChecker()
                        .withCustomCheck(
                                (a, b) -> a instanceof PanelSamples && b instanceof PanelSamples,
                                (a, b, checker) ->
                                        sameReadings((PanelSamples) a, (PanelSamples) b)));
    }

    @Override
    protected TypeSerializer<PanelSamples> createSerializer() {
        return new PanelSamplesSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<PanelSamples> getTypeClass() {
        return PanelSamples.class;
    }

    @Override
    protected PanelSamples[] getTestData() {
        PanelSamples odd = new PanelSamples();
        odd.add(JAN_2025 + 5 * MINUTE, 120.5, 1000.25);
        odd.add(JAN_2025, 0.0, null);
        odd.add(JAN_2025, -0.0, Double.NaN);
        odd.add(Long.MIN_VALUE, Double.MIN_VALUE, Double.MAX_VALUE);
        odd.add(Long.MAX_VALUE, Double.MAX_VALUE, -1e-300);
        odd.add(0, Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
        PanelSamples one = new PanelSamples();
        one.add(JAN_2025, 3.5, null);
        return new PanelSamples[] {new PanelSamples(), one, odd, month(1), month(7)};
    }

    /** A month of one panel, a reading a minute (43 200), its counter climbing. */
    private static PanelSamples month(int seed) {
        PanelSamples s = new PanelSamples();
        double counter = seed * 1000.0;
        for (int i = 0; i < 30 * 24 * 60; i++) {
            double power = (i * 37L + seed) % 4000 / 10.0;
            counter += power / 60;
            s.add(JAN_2025 + i * MINUTE + (i % 3 == 0 ? seed : 0), power, counter);
        }
        return s;
    }

    /** Every reading the same, bit for bit (NaN and negative zero included). */
    private static boolean sameReadings(PanelSamples a, PanelSamples b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.time(i) != b.time(i)
                    || Double.doubleToRawLongBits(a.power(i))
                            != Double.doubleToRawLongBits(b.power(i))
                    || Double.doubleToRawLongBits(a.counter(i))
                            != Double.doubleToRawLongBits(b.counter(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void flinkFindsTheSerializerThroughTheAnnotation() {
        TypeInformation<PanelSamples> type = TypeInformation.of(PanelSamples.class);
        assertThat(type)
                .isEqualTo(new SerializerType<>(PanelSamples.class, PanelSamplesSerializer::new));
        TupleTypeInfo<Tuple2<String, PanelSamples>> batch =
                new TupleTypeInfo<>(TypeInformation.of(String.class), type);
        assertThat(batch.getTypeAt(1).createSerializer(new SerializerConfigImpl()))
                .isInstanceOf(PanelSamplesSerializer.class);
    }

    @Test
    void readingsAMinuteApartTakeNineteenBytesEachWhereFlinksPojoTookTwentyFour()
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        new PanelSamplesSerializer().serialize(month(1), out);
        // 8 bytes of header, the first time in 6 bytes, each later time a 3-byte difference,
        // every reading's two values 8 bytes each.
        assertThat(out.length()).isEqualTo(8 + 6 + 43_199 * 3 + 43_200 * 16);
    }

    @Test
    void shouldRefuseADamagedRecordInsteadOfReadingOtherBytesAsReadings() throws IOException {
        PanelSamplesSerializer serializer = new PanelSamplesSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(month(1), out);
        byte[] bytes = out.getCopyOfBuffer();
        bytes[3]++; // one reading more than the payload holds
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("43201 readings");
    }
}
