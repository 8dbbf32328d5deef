package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.SerializerType;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.io.IOException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * {@link PanelSpanSerializer} through Flink's own serializer checks (copies, reuse, sequences,
 * copies between views, duplicates on threads, snapshots), on spans that test the encoding: nulls
 * wherever a record allows them, an hour of another panel, slots with nanoseconds and at the ends
 * of {@link Instant}'s range, NaN payloads and negative zero, strings beyond ASCII (an unpaired
 * surrogate included); and a month of one panel whose owner changes.
 */
class PanelSpanSerializerTest extends SerializerTestBase<PanelSpan> {
    private static final long HOUR = 3_600_000L;
    private static final long JAN_2025 = 1_735_689_600_000L;
    private static final double NAN_WITH_PAYLOAD = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);

    PanelSpanSerializerTest() {
        super(
                new DeeplyEqualsChecker()
                        .withCustomCheck(
                                (a, b) -> a instanceof PanelSpan && b instanceof PanelSpan,
                                (a, b, checker) -> same((PanelSpan) a, (PanelSpan) b)));
    }

    @Override
    protected TypeSerializer<PanelSpan> createSerializer() {
        return new PanelSpanSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<PanelSpan> getTypeClass() {
        return PanelSpan.class;
    }

    @Override
    protected PanelSpan[] getTestData() {
        CatalogFacts odd =
                new CatalogFacts(
                        true,
                        new CatalogColumns(
                                "C-1",
                                "Calle Ñandú 7, 2º",
                                "",
                                "ok" + (char) 0xD800,
                                null,
                                "€",
                                "PV-400",
                                "2024-01-31",
                                null),
                        "Atlantic/Canary",
                        -0.0,
                        null,
                        NAN_WITH_PAYLOAD,
                        Double.MAX_VALUE,
                        null,
                        Double.MIN_VALUE,
                        0.5);
        PanelHour[] hours = {
            new PanelHour("P-1", Instant.ofEpochSecond(-1, 999_999_999), -0.0, quality(0), odd),
            new PanelHour("P-2", Instant.MAX, NAN_WITH_PAYLOAD, null, CatalogFacts.UNKNOWN),
            new PanelHour(null, Instant.MIN, Double.NEGATIVE_INFINITY, quality(3), null),
            new PanelHour("P-1", null, 12.5, quality(60), odd)
        };
        EdgeReading[] edges = {
            new EdgeReading(Long.MAX_VALUE, 1.5, Double.NaN, NAN_WITH_PAYLOAD),
            new EdgeReading(Long.MIN_VALUE, -0.0, 2.0, 3.0),
            new EdgeReading(0, 0, 0, 0)
        };
        return new PanelSpan[] {
            new PanelSpan("", new PanelHour[0], new EdgeReading[0], null, null),
            new PanelSpan(null, null, null, null, null),
            new PanelSpan("P-1", hours, edges, edges[1], edges[0]),
            month(1),
            month(7)
        };
    }

    private static PanelQuality quality(int samples) {
        return new PanelQuality(samples, samples / 60.0, samples * 0.25, samples % 3, samples % 2);
    }

    /**
     * A month of one panel (744 hours) whose owner changes on the 15th, with the first, highest and
     * last reading of each hour.
     */
    private static PanelSpan month(int seed) {
        CatalogFacts before = facts("C-" + seed, "28001");
        CatalogFacts after = facts("C-" + (seed + 1), "35001");
        PanelHour[] hours = new PanelHour[744];
        EdgeReading[] edges = new EdgeReading[3 * hours.length];
        for (int i = 0; i < hours.length; i++) {
            long slot = JAN_2025 + i * HOUR;
            hours[i] =
                    new PanelHour(
                            "P-" + seed,
                            Instant.ofEpochMilli(slot),
                            (i * 37L + seed) % 400 / 3.0,
                            quality(i % 61),
                            i < 14 * 24 ? before : after);
            for (int k = 0; k < 3; k++) {
                edges[3 * i + k] =
                        new EdgeReading(slot + k * 1_799_000L, i % 7, i * 10.0 + k, Double.NaN);
            }
        }
        return new PanelSpan("P-" + seed, hours, edges, edges[0], edges[edges.length - 1]);
    }

    private static CatalogFacts facts(String client, String postalCode) {
        return new CatalogFacts(
                true,
                new CatalogColumns(
                        client,
                        "Calle Mayor 1",
                        postalCode,
                        "Ana",
                        "García",
                        "López",
                        "PV-400",
                        "2023-05-02",
                        "2024-02-29"),
                "Europe/Madrid",
                40.4,
                -3.7,
                30.0,
                180.0,
                4000.0,
                0.2,
                null);
    }

    /** Every field the same, numbers bit for bit (NaN payloads and negative zero included). */
    private static boolean same(PanelSpan a, PanelSpan b) {
        if (!Objects.equals(a.panelId(), b.panelId())
                || !same(a.first(), b.first())
                || !same(a.last(), b.last())
                || (a.hours() == null) != (b.hours() == null)
                || (a.edges() == null) != (b.edges() == null)) {
            return false;
        }
        if (a.hours() != null) {
            if (a.hours().length != b.hours().length) {
                return false;
            }
            for (int i = 0; i < a.hours().length; i++) {
                if (!same(a.hours()[i], b.hours()[i])) {
                    return false;
                }
            }
        }
        if (a.edges() != null) {
            if (a.edges().length != b.edges().length) {
                return false;
            }
            for (int i = 0; i < a.edges().length; i++) {
                if (!same(a.edges()[i], b.edges()[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean same(PanelHour a, PanelHour b) {
        return Objects.equals(a.panelId(), b.panelId())
                && Objects.equals(a.slot(), b.slot())
                && bits(a.energyWh(), b.energyWh())
                && same(a.quality(), b.quality())
                && same(a.facts(), b.facts());
    }

    private static boolean same(PanelQuality a, PanelQuality b) {
        return a == null
                ? b == null
                : b != null
                        && a.samples() == b.samples()
                        && bits(a.coverage(), b.coverage())
                        && bits(a.gapFilledWh(), b.gapFilledWh())
                        && a.counterResets() == b.counterResets()
                        && a.counterGlitches() == b.counterGlitches();
    }

    private static boolean same(CatalogFacts a, CatalogFacts b) {
        return a == null
                ? b == null
                : b != null
                        && a.known() == b.known()
                        && a.catalog().equals(b.catalog())
                        && Objects.equals(a.timezone(), b.timezone())
                        && bits(a.latitude(), b.latitude())
                        && bits(a.longitude(), b.longitude())
                        && bits(a.tilt(), b.tilt())
                        && bits(a.azimuth(), b.azimuth())
                        && bits(a.powerCap(), b.powerCap())
                        && bits(a.minProductionRatio(), b.minProductionRatio())
                        && bits(a.luxDropRatio(), b.luxDropRatio());
    }

    private static boolean same(EdgeReading a, EdgeReading b) {
        return a == null
                ? b == null
                : b != null
                        && a.time() == b.time()
                        && bits(a.power(), b.power())
                        && bits(a.counter(), b.counter())
                        && bits(a.highest(), b.highest());
    }

    private static boolean bits(Double a, Double b) {
        return a == null
                ? b == null
                : b != null && Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    @Test
    void flinkFindsTheSerializerThroughTheAnnotation() {
        TypeInformation<PanelSpan> type = TypeInformation.of(PanelSpan.class);
        assertThat(type).isEqualTo(new SerializerType<>(PanelSpan.class, PanelSpanSerializer::new));
        assertThat(type.createSerializer(new SerializerConfigImpl()))
                .isInstanceOf(PanelSpanSerializer.class);
    }

    @Test
    void anOwnersFactsAreWrittenOnceAndSharedAgainByItsHoursWhenRead() throws IOException {
        PanelSpan month = month(1);
        PanelSpanSerializer serializer = new PanelSpanSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(month, out);
        PanelSpan read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        IdentityHashMap<CatalogFacts, Boolean> distinct = new IdentityHashMap<>();
        for (PanelHour h : read.hours()) {
            distinct.put(h.facts(), true);
        }
        assertThat(distinct).hasSize(2);
        assertThat(read.hours()[0].facts()).isSameAs(read.hours()[14 * 24 - 1].facts());
        // Each hour: flags, slot, energy, quality and its facts' index, about 33 bytes; each
        // reading of the edges 25 to 28. Facts written with every hour would add 120 bytes an hour.
        assertThat(out.length()).isLessThan(744 * 34 + 3 * 744 * 28 + 2 * 150);
    }

    @Test
    void shouldRefuseADamagedRecordInsteadOfReadingOtherBytesAsHours() throws IOException {
        PanelSpanSerializer serializer = new PanelSpanSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(month(1), out);
        byte[] bytes = out.getCopyOfBuffer();
        // The hour count (after the length and the panel's id, "P-1"): one hour more than written.
        bytes[4 + 1 + 3] += 2;
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("serialized PanelSpan");
        byte[] cut = java.util.Arrays.copyOf(out.getCopyOfBuffer(), 1000);
        cut[0] = 0;
        cut[1] = 0;
        cut[2] = (byte) (996 >>> 8);
        cut[3] = (byte) 996;
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(cut)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("serialized PanelSpan");
    }
}
