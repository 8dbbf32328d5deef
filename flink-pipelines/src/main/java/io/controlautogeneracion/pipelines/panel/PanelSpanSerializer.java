package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.panel.RecordBytes.Reader;
import io.controlautogeneracion.pipelines.panel.RecordBytes.Writer;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.io.IOException;
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
 * encodes a span into a buffer ({@link RecordBytes}) handed over in one write: the span's distinct
 * catalog facts once, each hour pointing at its own, the hours' slots as differences in seconds,
 * numbers as their raw IEEE 754 bits (NaN payloads and negative zero kept). Facts read back are
 * shared by the hours that pointed at them, as they were when written.
 *
 * <p>Not thread-safe (it keeps its buffers): {@link #duplicate()} gives each user its own.
 */
public final class PanelSpanSerializer extends TypeSerializer<PanelSpan> {
    private static final long serialVersionUID = 1L;
    private static final int SAME_PANEL = 1;
    private static final int HAS_SLOT = 2;
    private static final int HAS_QUALITY = 4;
    private static final int HAS_FACTS = 8;

    private transient Writer out;
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
            out = new Writer("PanelSpan");
            factsIndex = new IdentityHashMap<>();
        }
        Writer o = out;
        o.clear();
        o.string(span.panelId());
        writeHours(o, span.panelId(), span.hours());
        EdgeReading[] edges = span.edges();
        o.varint(edges == null ? 0 : edges.length + 1L);
        if (edges != null) {
            long previous = 0;
            for (EdgeReading e : edges) {
                o.zigzag(e.time() - previous);
                previous = e.time();
                writeValues(o, e);
            }
        }
        writeEdge(o, span.first());
        writeEdge(o, span.last());
        target.writeInt(o.size());
        target.write(o.bytes(), 0, o.size());
    }

    private void writeHours(Writer o, String panelId, PanelHour[] hours) {
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
            writeFacts(o, f);
        }
        long previous = 0;
        for (PanelHour h : hours) {
            boolean same = h.panelId() != null && h.panelId().equals(panelId);
            int flags =
                    (same ? SAME_PANEL : 0)
                            | (h.slot() != null ? HAS_SLOT : 0)
                            | (h.quality() != null ? HAS_QUALITY : 0)
                            | (h.facts() != null ? HAS_FACTS : 0);
            o.oneByte(flags);
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
        Reader i = new Reader(in, length, "PanelSpan");
        String panelId = i.string();
        PanelHour[] hours = readHours(i, panelId);
        long edgeCount = i.varint() - 1;
        EdgeReading[] edges = null;
        if (edgeCount >= 0) {
            edges = new EdgeReading[i.count(edgeCount, 25)];
            long previous = 0;
            for (int k = 0; k < edges.length; k++) {
                previous += i.zigzag();
                edges[k] = readEdge(i, previous);
            }
        }
        EdgeReading first = readOptionalEdge(i);
        EdgeReading last = readOptionalEdge(i);
        if (i.position() != length) {
            throw new IOException(
                    "a serialized PanelSpan of " + length + " bytes ends at " + i.position());
        }
        return new PanelSpan(panelId, hours, edges, first, last);
    }

    private static PanelHour[] readHours(Reader i, String panelId) throws IOException {
        long count = i.varint() - 1;
        if (count < 0) {
            return null;
        }
        PanelHour[] hours = new PanelHour[i.count(count, 9)];
        CatalogFacts[] table = new CatalogFacts[i.count(i.varint(), 3)];
        for (int k = 0; k < table.length; k++) {
            table[k] = readFacts(i);
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

    private static void writeEdge(Writer o, EdgeReading e) {
        o.oneByte(e == null ? 0 : 1);
        if (e != null) {
            o.zigzag(e.time());
            writeValues(o, e);
        }
    }

    private static void writeValues(Writer o, EdgeReading e) {
        o.raw(e.power());
        o.raw(e.counter());
        o.raw(e.highest());
    }

    private static EdgeReading readEdge(Reader i, long time) throws IOException {
        return new EdgeReading(time, i.raw(), i.raw(), i.raw());
    }

    private static EdgeReading readOptionalEdge(Reader i) throws IOException {
        return i.oneByte() == 0 ? null : readEdge(i, i.zigzag());
    }

    /** Whether it is known, which numbers it has, its ten strings, then the numbers it has. */
    private static void writeFacts(Writer o, CatalogFacts f) {
        Double[] numbers = {
            f.latitude(),
            f.longitude(),
            f.tilt(),
            f.azimuth(),
            f.powerCap(),
            f.minProductionRatio(),
            f.luxDropRatio()
        };
        int present = 0;
        for (int k = 0; k < numbers.length; k++) {
            present |= numbers[k] != null ? 1 << k : 0;
        }
        o.oneByte(f.known() ? 1 : 0);
        o.oneByte(present);
        CatalogColumns c = f.catalog();
        o.string(c.clientId());
        o.string(c.address());
        o.string(c.postalCode());
        o.string(c.name());
        o.string(c.apell1());
        o.string(c.apell2());
        o.string(c.model());
        o.string(c.manufactureDate());
        o.string(c.installDate());
        o.string(f.timezone());
        for (Double d : numbers) {
            if (d != null) {
                o.raw(d);
            }
        }
    }

    private static CatalogFacts readFacts(Reader i) throws IOException {
        boolean known = i.oneByte() != 0;
        int present = i.oneByte();
        CatalogColumns c =
                new CatalogColumns(
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string(),
                        i.string());
        String timezone = i.string();
        Double[] numbers = new Double[7];
        for (int k = 0; k < numbers.length; k++) {
            numbers[k] = (present & 1 << k) != 0 ? i.raw() : null;
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
