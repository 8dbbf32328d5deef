package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.PanelReportRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Diffs and running totals (SPEC §6) of a stretch of rows fed in time order, as pure functions of
 * their {@code power_gen}: each row is compared with its reference slots (from the rows already
 * fed, or {@link PanelHistory} for slots before the stretch) and adds its energy to the totals of
 * the latest earlier row of its panel and client in the same local period. A row's key is its panel
 * and client: a new owner's figures start from their own.
 */
final class ReportChain {
    private final PanelHistory history;
    private final Instant from;
    private final Map<String, SlotValues> fed = new HashMap<>();
    private final Map<String, PanelHistory.Last> last = new HashMap<>();
    private static final Comparison[] COMPARISONS = Comparison.values();
    private static final Period[] PERIODS = Period.values();
    // The calendar facts of the last slot asked for (rows come a slot at a time).
    private Instant refSlot;
    private ZoneId refZone;
    private Instant[] refs;
    private Instant sameSlot;
    private Instant sameEarlier;
    private ZoneId sameZone;
    private boolean[] same;

    /**
     * @param from the first slot of the stretch; references before it come from {@code history}
     */
    ReportChain(PanelHistory history, Instant from) {
        this.history = history;
        this.from = from;
    }

    /** The row with its diffs and running totals; rows come in time order. */
    PanelReportRow next(PanelReportRow row) {
        String key = PanelReports.key(row.panelId(), row.enrichment().clientId());
        ZoneId zone = row.zone();
        Instant slot = row.timestamp();
        Map<Comparison, Double> diffs = new EnumMap<>(Comparison.class);
        Instant[] refs = references(slot, zone);
        for (Comparison c : COMPARISONS) {
            Double ref = generation(key, refs[c.ordinal()]);
            diffs.put(c, ref == null ? null : row.powerGen() - ref);
        }
        PanelHistory.Last previous = last.containsKey(key) ? last.get(key) : history.last(key);
        boolean[] same = previous == null ? null : samePeriods(previous.slot(), slot, zone);
        Map<Period, Double> acum = new EnumMap<>(Period.class);
        for (Period p : PERIODS) {
            boolean carries = same != null && same[p.ordinal()];
            acum.put(p, (carries ? previous.acum().get(p) : 0.0) + row.powerGen());
        }
        last.put(key, new PanelHistory.Last(slot, acum));
        fed.computeIfAbsent(key, k -> new SlotValues()).add(slot, row.powerGen());
        return row.withTotals(diffs, acum);
    }

    /** The slot's reference slots by comparison; the rows of one slot and zone share them. */
    private Instant[] references(Instant slot, ZoneId zone) {
        if (!slot.equals(refSlot) || !zone.equals(refZone)) {
            refs = new Instant[COMPARISONS.length];
            for (Comparison c : COMPARISONS) {
                refs[c.ordinal()] = SlotCalendar.reference(slot, c, zone);
            }
            refSlot = slot;
            refZone = zone;
        }
        return refs;
    }

    /** Whether {@code earlier} lies in the same period as {@code slot}, by period. */
    private boolean[] samePeriods(Instant earlier, Instant slot, ZoneId zone) {
        if (!slot.equals(sameSlot) || !earlier.equals(sameEarlier) || !zone.equals(sameZone)) {
            same = new boolean[PERIODS.length];
            for (Period p : PERIODS) {
                same[p.ordinal()] = SlotCalendar.samePeriod(earlier, slot, p, zone);
            }
            sameSlot = slot;
            sameEarlier = earlier;
            sameZone = zone;
        }
        return same;
    }

    /**
     * Takes a stored row that stays as it is (before the rows being computed) as the reference and
     * carry of the rows after it; rows come in time order.
     */
    void remember(PanelReportRow row) {
        String key = PanelReports.key(row.panelId(), row.enrichment().clientId());
        Map<Period, Double> acum = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            acum.put(p, row.acum(p));
        }
        last.put(key, new PanelHistory.Last(row.timestamp(), acum));
        fed.computeIfAbsent(key, k -> new SlotValues()).add(row.timestamp(), row.powerGen());
    }

    /** A slot's generation for the key: from the rows fed when it lies in the stretch. */
    Double generation(String key, Instant slot) {
        if (slot.isBefore(from)) {
            return history.powerGen(key, slot);
        }
        SlotValues values = fed.get(key);
        return values == null ? null : values.get(slot);
    }

    /** One key's slots and values in time order, compact (a year of hours is 105 KB). */
    static final class SlotValues {
        private long[] hours = new long[16];
        private double[] values = new double[16];
        private int size;

        void add(Instant slot, double value) {
            long hour = slot.getEpochSecond() / 3600;
            if (size > 0 && hours[size - 1] >= hour) {
                throw new IllegalStateException("rows out of time order at " + slot);
            }
            if (size == hours.length) {
                hours = Arrays.copyOf(hours, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            hours[size] = hour;
            values[size] = value;
            size++;
        }

        Double get(Instant slot) {
            int i = Arrays.binarySearch(hours, 0, size, slot.getEpochSecond() / 3600);
            return i >= 0 ? values[i] : null;
        }
    }
}
