package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of {@link PanelSpan}, what a run's panels send to the driver (a month of 1 000
 * panels: 744 000 hours, serialized three times and read twice on the way). Flink's POJO serializer
 * wrote each hour's catalog facts (ten strings, seven numbers) again, a field at a time; this one
 * encodes a span into a buffer handed over in one write: the span's distinct catalog facts once,
 * each hour pointing at its own, the hours' slots as differences in seconds, numbers as their raw
 * IEEE 754 bits (NaN payloads and negative zero kept). Facts read back are shared by the hours that
 * pointed at them, as they were when written.
 *
 * <p>Not thread-safe (it keeps its buffers): {@link #duplicate()} gives each user its own.
 */
public final class PanelSpanSerializer extends TypeSerializer<PanelSpan> {
    private static final long serialVersionUID = 1L;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SAME_PANEL = 1;
    private static final int HAS_SLOT = 2;
    private static final int HAS_QUALITY = 4;
    private static final int HAS_FACTS = 8;

    private transient Out out;
    private transient byte[] in;
    private transient Map<CatalogFacts, Integer> factsIndex;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<PanelSpan> duplicate() {
        return new PanelSpanSerializer();
    }

    @Override
    public PanelSpan createInstance() {
        return new PanelSpan("", new PanelHour[0], new EdgeReading[0], null, null);
    }

    @Override
    public PanelSpan copy(PanelSpan from) {
        // Hours, readings and facts are immutable; only the arrays can change.
        return new PanelSpan(
                from.panelId(),
                from.hours() == null ? null : from.hours().clone(),
                from.edges() == null ? null : from.edges().clone(),
                from.first(),
                from.last());
    }

    @Override
    public PanelSpan copy(PanelSpan from, PanelSpan reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(PanelSpan span, DataOutputView target) throws IOException {
        if (out == null) {
            out = new Out();
            factsIndex = new IdentityHashMap<>();
        }
        Out o = out;
        o.size = 0;
        o.string(span.panelId());
        writeHours(o, span.panelId(), span.hours());
        EdgeReading[] edges = span.edges();
        o.varint(edges == null ? 0 : edges.length + 1L);
        if (edges != null) {
            long previous = 0;
            for (EdgeReading e : edges) {
                o.zigzag(e.time() - previous);
                previous = e.time();
                o.values(e);
            }
        }
        o.edge(span.first());
        o.edge(span.last());
        target.writeInt(o.size);
        target.write(o.bytes, 0, o.size);
    }

    private void writeHours(Out o, String panelId, PanelHour[] hours) {
        if (hours == null) {
            o.varint(0);
            return;
        }
        o.varint(hours.length + 1L);
        // The distinct facts first (the hours of one owner share one object), then the hours.
        Map<CatalogFacts, Integer> index = factsIndex;
        index.clear();
        for (PanelHour h : hours) {
            if (h.facts() != null) {
                index.putIfAbsent(h.facts(), index.size());
            }
        }
        o.varint(index.size());
        CatalogFacts[] table = new CatalogFacts[index.size()];
        index.forEach((f, i) -> table[i] = f);
        for (CatalogFacts f : table) {
            o.facts(f);
        }
        long previous = 0;
        for (PanelHour h : hours) {
            boolean same = h.panelId() != null && h.panelId().equals(panelId);
            int flags =
                    (same ? SAME_PANEL : 0)
                            | (h.slot() != null ? HAS_SLOT : 0)
                            | (h.quality() != null ? HAS_QUALITY : 0)
                            | (h.facts() != null ? HAS_FACTS : 0);
            o.ensure(1);
            o.bytes[o.size++] = (byte) flags;
            if (!same) {
                o.string(h.panelId());
            }
            if (h.slot() != null) {
                o.zigzag(h.slot().getEpochSecond() - previous);
                previous = h.slot().getEpochSecond();
                o.varint(h.slot().getNano());
            }
            o.raw(h.energyWh());
            if (h.quality() != null) {
                PanelQuality q = h.quality();
                o.zigzag(q.samples());
                o.raw(q.coverage());
                o.raw(q.gapFilledWh());
                o.zigzag(q.counterResets());
                o.zigzag(q.counterGlitches());
            }
            if (h.facts() != null) {
                o.varint(index.get(h.facts()));
            }
        }
    }

    @Override
    public PanelSpan deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("not a serialized PanelSpan: " + length + " bytes");
        }
        if (in == null || in.length < length) {
            in = new byte[Math.max(length, 4096)];
        }
        source.readFully(in, 0, length);
        In i = new In(in, length);
        String panelId = i.string();
        PanelHour[] hours = readHours(i, panelId);
        long edgeCount = i.varint() - 1;
        EdgeReading[] edges = null;
        if (edgeCount >= 0) {
            edges = new EdgeReading[i.count(edgeCount, 25)];
            long previous = 0;
            for (int k = 0; k < edges.length; k++) {
                previous += i.zigzag();
                edges[k] = i.edge(previous);
            }
        }
        EdgeReading first = i.optionalEdge();
        EdgeReading last = i.optionalEdge();
        if (i.pos != length) {
            throw new IOException(
                    "a serialized PanelSpan of " + length + " bytes ends at " + i.pos);
        }
        return new PanelSpan(panelId, hours, edges, first, last);
    }

    private static PanelHour[] readHours(In i, String panelId) throws IOException {
        long count = i.varint() - 1;
        if (count < 0) {
            return null;
        }
        PanelHour[] hours = new PanelHour[i.count(count, 9)];
        CatalogFacts[] table = new CatalogFacts[i.count(i.varint(), 3)];
        for (int k = 0; k < table.length; k++) {
            table[k] = i.facts();
        }
        long previous = 0;
        for (int k = 0; k < hours.length; k++) {
            int flags = i.oneByte();
            String id = (flags & SAME_PANEL) != 0 ? panelId : i.string();
            Instant slot = null;
            if ((flags & HAS_SLOT) != 0) {
                previous += i.zigzag();
                long nano = i.varint();
                if (nano >= 1_000_000_000L) {
                    throw new IOException("a damaged slot in a serialized PanelSpan");
                }
                slot = Instant.ofEpochSecond(previous, nano);
            }
            double energy = i.raw();
            PanelQuality quality = null;
            if ((flags & HAS_QUALITY) != 0) {
                quality =
                        new PanelQuality(
                                i.intZigzag(), i.raw(), i.raw(), i.intZigzag(), i.intZigzag());
            }
            CatalogFacts facts = null;
            if ((flags & HAS_FACTS) != 0) {
                long f = i.varint();
                if (f >= table.length) {
                    throw new IOException("a damaged facts index in a serialized PanelSpan");
                }
                facts = table[(int) f];
            }
            hours[k] = new PanelHour(id, slot, energy, quality, facts);
        }
        return hours;
    }

    @Override
    public PanelSpan deserialize(PanelSpan reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PanelSpanSerializer;
    }

    @Override
    public int hashCode() {
        return PanelSpanSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<PanelSpan> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot: it has no configuration, one format (version 1). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PanelSpan> {
        public Snapshot() {
            super(PanelSpanSerializer::new);
        }
    }

    /** A growing buffer a span is encoded into. */
    private static final class Out {
        byte[] bytes = new byte[4096];
        int size;

        void ensure(long more) {
            if (bytes.length - size < more) {
                long needed = size + more;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("a PanelSpan too large to serialize");
                }
                bytes =
                        java.util.Arrays.copyOf(
                                bytes, (int) Math.min(Integer.MAX_VALUE - 8, needed * 2));
            }
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void raw(double v) {
            ensure(8);
            LONGS.set(bytes, size, Double.doubleToRawLongBits(v));
            size += 8;
        }

        /**
         * Null as 0; otherwise the length and whether it is wide, then one byte a character when
         * all are below 0x80, else two (any {@code char}, unpaired surrogates included).
         */
        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            int n = s.length();
            boolean wide = false;
            for (int k = 0; k < n && !wide; k++) {
                wide = s.charAt(k) >= 0x80;
            }
            varint((((long) n << 1) | (wide ? 1 : 0)) + 1);
            if (!wide) {
                ensure(n);
                for (int k = 0; k < n; k++) {
                    bytes[size++] = (byte) s.charAt(k);
                }
            } else {
                ensure(2L * n);
                for (int k = 0; k < n; k++) {
                    char c = s.charAt(k);
                    bytes[size++] = (byte) c;
                    bytes[size++] = (byte) (c >>> 8);
                }
            }
        }

        void values(EdgeReading e) {
            raw(e.power());
            raw(e.counter());
            raw(e.highest());
        }

        void edge(EdgeReading e) {
            ensure(1);
            bytes[size++] = (byte) (e == null ? 0 : 1);
            if (e != null) {
                zigzag(e.time());
                values(e);
            }
        }

        void facts(CatalogFacts f) {
            Double[] numbers = numbers(f);
            int present = 0;
            for (int k = 0; k < numbers.length; k++) {
                present |= numbers[k] != null ? 1 << k : 0;
            }
            ensure(2);
            bytes[size++] = (byte) (f.known() ? 1 : 0);
            bytes[size++] = (byte) present;
            CatalogColumns c = f.catalog();
            string(c.clientId());
            string(c.address());
            string(c.postalCode());
            string(c.name());
            string(c.apell1());
            string(c.apell2());
            string(c.model());
            string(c.manufactureDate());
            string(c.installDate());
            string(f.timezone());
            for (Double d : numbers) {
                if (d != null) {
                    raw(d);
                }
            }
        }

        private static Double[] numbers(CatalogFacts f) {
            return new Double[] {
                f.latitude(),
                f.longitude(),
                f.tilt(),
                f.azimuth(),
                f.powerCap(),
                f.minProductionRatio(),
                f.luxDropRatio()
            };
        }
    }

    /** A span's bytes read back; anything out of bounds is a damaged record. */
    private static final class In {
        final byte[] bytes;
        final int limit;
        int pos;

        In(byte[] bytes, int limit) {
            this.bytes = bytes;
            this.limit = limit;
        }

        private void need(long n) throws IOException {
            if (n < 0 || n > limit - pos) {
                throw new IOException("a damaged serialized PanelSpan (at byte " + pos + ")");
            }
        }

        int oneByte() throws IOException {
            need(1);
            return bytes[pos++] & 0xFF;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = oneByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("a damaged number in a serialized PanelSpan");
        }

        long zigzag() throws IOException {
            long z = varint();
            return (z >>> 1) ^ -(z & 1);
        }

        int intZigzag() throws IOException {
            long v = zigzag();
            if (v != (int) v) {
                throw new IOException("a damaged count in a serialized PanelSpan");
            }
            return (int) v;
        }

        /** A count of items of at least {@code minBytes} each, checked against what is left. */
        int count(long n, int minBytes) throws IOException {
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IOException("a damaged count in a serialized PanelSpan: " + n);
            }
            need(n * minBytes);
            return (int) n;
        }

        double raw() throws IOException {
            need(8);
            double d = Double.longBitsToDouble((long) LONGS.get(bytes, pos));
            pos += 8;
            return d;
        }

        String string() throws IOException {
            long header = varint();
            if (header == 0) {
                return null;
            }
            long n = (header - 1) >>> 1;
            boolean wide = ((header - 1) & 1) != 0;
            need(wide ? 2 * n : n);
            String s;
            if (!wide) {
                s = new String(bytes, pos, (int) n, StandardCharsets.ISO_8859_1);
                pos += (int) n;
            } else {
                char[] chars = new char[(int) n];
                for (int k = 0; k < n; k++, pos += 2) {
                    chars[k] = (char) ((bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8);
                }
                s = new String(chars);
            }
            return s;
        }

        EdgeReading edge(long time) throws IOException {
            return new EdgeReading(time, raw(), raw(), raw());
        }

        EdgeReading optionalEdge() throws IOException {
            return oneByte() == 0 ? null : edge(zigzag());
        }

        CatalogFacts facts() throws IOException {
            boolean known = oneByte() != 0;
            int present = oneByte();
            CatalogColumns c =
                    new CatalogColumns(
                            string(), string(), string(), string(), string(), string(), string(),
                            string(), string());
            String timezone = string();
            Double[] numbers = new Double[7];
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = (present & 1 << k) != 0 ? raw() : null;
            }
            return new CatalogFacts(
                    known,
                    c,
                    timezone,
                    numbers[0],
                    numbers[1],
                    numbers[2],
                    numbers[3],
                    numbers[4],
                    numbers[5],
                    numbers[6]);
        }
    }
}
