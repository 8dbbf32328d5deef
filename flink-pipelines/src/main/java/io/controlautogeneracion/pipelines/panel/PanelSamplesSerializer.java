package io.controlautogeneracion.pipelines.panel;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of {@link PanelSamples}, the records a back-fill moves through its shuffle and
 * sort (a month of 1 000 panels: about a gigabyte, serialized and read back several times). Where
 * Flink's POJO serializer writes each array element with a call of its own, this one encodes a
 * record into a buffer and hands it over in one write: the reading count and the payload's length,
 * then the times as zig-zag varint differences from the one before (a minute apart: 3 bytes, not
 * 8), the powers and the counters as their raw IEEE 754 bits, little-endian (NaN, no counter, kept
 * bit for bit). A copy between views moves the payload's bytes without decoding them.
 *
 * <p>Not thread-safe (it keeps its buffer): {@link #duplicate()} gives each user its own.
 */
public final class PanelSamplesSerializer extends TypeSerializer<PanelSamples> {
    private static final long serialVersionUID = 1L;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    // A reading takes at most a 10-byte varint and two 8-byte values.
    private static final int MAX_BYTES_PER_READING = 26;

    private transient byte[] buffer;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<PanelSamples> duplicate() {
        return new PanelSamplesSerializer();
    }

    @Override
    public PanelSamples createInstance() {
        return new PanelSamples();
    }

    @Override
    public PanelSamples copy(PanelSamples from) {
        PanelSamples to = new PanelSamples(from.size);
        System.arraycopy(from.times, 0, to.times, 0, from.size);
        System.arraycopy(from.powers, 0, to.powers, 0, from.size);
        System.arraycopy(from.counters, 0, to.counters, 0, from.size);
        to.size = from.size;
        return to;
    }

    @Override
    public PanelSamples copy(PanelSamples from, PanelSamples reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(PanelSamples record, DataOutputView target) throws IOException {
        int n = record.size;
        byte[] b = buffer((long) n * MAX_BYTES_PER_READING);
        int p = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            // Differences wrap around like the sum that undoes them, so every long comes back.
            long d = record.times[i] - previous;
            previous = record.times[i];
            long z = (d << 1) ^ (d >> 63);
            while ((z & ~0x7FL) != 0) {
                b[p++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            b[p++] = (byte) z;
        }
        for (int i = 0; i < n; i++, p += 8) {
            LONGS.set(b, p, Double.doubleToRawLongBits(record.powers[i]));
        }
        for (int i = 0; i < n; i++, p += 8) {
            LONGS.set(b, p, Double.doubleToRawLongBits(record.counters[i]));
        }
        target.writeInt(n);
        target.writeInt(p);
        target.write(b, 0, p);
    }

    @Override
    public PanelSamples deserialize(DataInputView source) throws IOException {
        int n = source.readInt();
        int length = source.readInt();
        if (n < 0 || length < 16L * n || length > (long) n * MAX_BYTES_PER_READING) {
            throw new IOException(
                    "not a serialized PanelSamples: " + n + " readings in " + length + " bytes");
        }
        byte[] b = buffer(length);
        source.readFully(b, 0, length);
        PanelSamples s = new PanelSamples(n);
        int p = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long z = 0;
            int shift = 0;
            byte next;
            do {
                if (shift > 63 || p >= length) {
                    throw new IOException(
                            "a damaged time in a serialized PanelSamples of " + n + " readings");
                }
                next = b[p++];
                z |= (long) (next & 0x7F) << shift;
                shift += 7;
            } while (next < 0);
            previous += (z >>> 1) ^ -(z & 1);
            s.times[i] = previous;
        }
        if (length - p != 16 * n) {
            throw new IOException(
                    "a serialized PanelSamples of " + n + " readings with " + length + " bytes");
        }
        for (int i = 0; i < n; i++, p += 8) {
            s.powers[i] = Double.longBitsToDouble((long) LONGS.get(b, p));
        }
        for (int i = 0; i < n; i++, p += 8) {
            s.counters[i] = Double.longBitsToDouble((long) LONGS.get(b, p));
        }
        s.size = n;
        return s;
    }

    @Override
    public PanelSamples deserialize(PanelSamples reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int n = source.readInt();
        int length = source.readInt();
        target.writeInt(n);
        target.writeInt(length);
        target.write(source, length);
    }

    private byte[] buffer(long needed) {
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many readings in one record: " + needed);
        }
        if (buffer == null || buffer.length < needed) {
            buffer = new byte[(int) Math.max(needed, 4096)];
        }
        return buffer;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PanelSamplesSerializer;
    }

    @Override
    public int hashCode() {
        return PanelSamplesSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<PanelSamples> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: it has no configuration, one format (version 1). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PanelSamples> {
        public Snapshot() {
            super(PanelSamplesSerializer::new);
        }
    }
}
