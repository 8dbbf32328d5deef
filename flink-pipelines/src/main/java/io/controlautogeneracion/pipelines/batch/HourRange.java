package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.calendar.SlotCalendar;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A half-open range of UTC hour slots {@code [from, to)} that one batch run processes. */
public record HourRange(Instant from, Instant to) implements Serializable {
    private static final Duration HOUR = Duration.ofHours(1);

    public HourRange {
        if (!SlotCalendar.isSlot(from) || !SlotCalendar.isSlot(to) || !from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "a range needs two UTC hours, from before to, got " + from + " / " + to);
        }
    }

    /** The single hour starting at {@code slot}. */
    public static HourRange hour(Instant slot) {
        return new HourRange(slot, slot.plus(HOUR));
    }

    /** The last hour that ended at or before {@code now}. */
    public static HourRange lastClosed(Instant now) {
        return hour(SlotCalendar.slotOf(now).minus(HOUR));
    }

    public boolean contains(Instant slot) {
        return !slot.isBefore(from) && slot.isBefore(to);
    }

    public List<Instant> slots() {
        List<Instant> slots = new ArrayList<>();
        for (Instant s = from; s.isBefore(to); s = s.plus(HOUR)) {
            slots.add(s);
        }
        return slots;
    }

    public int hours() {
        return (int) Duration.between(from, to).toHours();
    }

    /** The slots as ranges of consecutive hours, in order. */
    public static List<HourRange> merge(java.util.Collection<Instant> slots) {
        List<Instant> sorted = new ArrayList<>(new java.util.TreeSet<>(slots));
        List<HourRange> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !sorted.get(i).equals(sorted.get(i - 1).plus(HOUR))) {
                out.add(new HourRange(sorted.get(start), sorted.get(i - 1).plus(HOUR)));
                start = i;
            }
        }
        return out;
    }

    /** Druid's interval notation. */
    public String interval() {
        return from + "/" + to;
    }

    @Override
    public String toString() {
        return interval();
    }
}
