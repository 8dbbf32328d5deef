package io.controlautogeneracion.model.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Calendar arithmetic of hourly slots (SPEC §6). Slots are UTC hours; comparisons and periods are
 * taken in the client's time zone with java.time semantics, so "one month earlier" of 31 March is
 * the last day of February and a local day may have 23 or 25 slots.
 */
public final class SlotCalendar {

    private static final Duration HOUR = Duration.ofHours(1);

    private SlotCalendar() {}

    /** The slot containing {@code t}: {@code t} truncated to its UTC hour. */
    public static Instant slotOf(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }

    /** True when {@code t} is the start of a UTC hour. */
    public static boolean isSlot(Instant t) {
        return t.getEpochSecond() % 3600 == 0 && t.getNano() == 0;
    }

    /**
     * The slot that {@code slot} is compared with. {@link Comparison#LAST_HOUR} is one hour
     * earlier; the others subtract days, months or years from the slot's local date-time in {@code
     * zone} ({@link ZonedDateTime#minusDays} etc.). A local time that falls in a DST gap moves
     * forward by the gap, and in an overlap keeps the earlier offset, so two slots can share a
     * reference and a reference can be skipped. Where an offset change that is not a whole hour
     * (e.g. Australia/Lord_Howe, 30 minutes) leaves the result off the hour, it is truncated to the
     * UTC hour that contains it, so the reference is always a slot.
     *
     * @throws IllegalArgumentException if {@code slot} is not the start of a UTC hour
     */
    public static Instant reference(Instant slot, Comparison c, ZoneId zone) {
        requireSlot(slot);
        Objects.requireNonNull(zone, "zone");
        if (c == Comparison.LAST_HOUR) {
            return slot.minus(HOUR);
        }
        ZonedDateTime local = slot.atZone(zone);
        ZonedDateTime earlier;
        switch (c) {
            case LAST_DAY:
                earlier = local.minusDays(1);
                break;
            case LAST_MONTH:
                earlier = local.minusMonths(1);
                break;
            case LAST_QUARTER:
                earlier = local.minusMonths(3);
                break;
            case LAST_SIX:
                earlier = local.minusMonths(6);
                break;
            case LAST_YEAR:
                earlier = local.minusYears(1);
                break;
            default:
                throw new IllegalArgumentException("unknown comparison " + c);
        }
        return slotOf(earlier.toInstant());
    }

    /**
     * The start of the local period of {@code zone} that contains {@code t}. For a slot, that is
     * the period containing the slot's start instant; the result need not be a UTC hour (in
     * Asia/Kolkata a local day starts at 18:30 UTC).
     */
    public static Instant periodStart(Instant t, Period p, ZoneId zone) {
        return firstDay(t.atZone(zone).toLocalDate(), p).atStartOfDay(zone).toInstant();
    }

    /** True when {@code a} and {@code b} lie in the same local period of {@code zone}. */
    public static boolean samePeriod(Instant a, Instant b, Period p, ZoneId zone) {
        return firstDay(a.atZone(zone).toLocalDate(), p)
                .equals(firstDay(b.atZone(zone).toLocalDate(), p));
    }

    /**
     * Every slot whose start lies in the same local period as {@code slot}, in order, from the
     * first of the period up to and including {@code slot}: the slots summed into {@code acum_x}.
     *
     * @throws IllegalArgumentException if {@code slot} is not the start of a UTC hour
     */
    public static List<Instant> slotsOfPeriodUpTo(Instant slot, Period p, ZoneId zone) {
        Instant first = firstSlotOfPeriod(slot, p, zone);
        int count = (int) (Duration.between(first, slot).toHours() + 1);
        List<Instant> slots = new ArrayList<>(count);
        for (Instant s = first; !s.isAfter(slot); s = s.plus(HOUR)) {
            slots.add(s);
        }
        return slots;
    }

    /**
     * The first slot whose start lies in the local period containing {@code slot}; with {@code
     * slot} it bounds the range that {@code acum_x} sums, for callers that query a range.
     *
     * @throws IllegalArgumentException if {@code slot} is not the start of a UTC hour
     */
    public static Instant firstSlotOfPeriod(Instant slot, Period p, ZoneId zone) {
        requireSlot(slot);
        Instant start = periodStart(slot, p, zone);
        // In half-hour zones the period starts mid-hour; the UTC hour straddling that start
        // belongs to the previous period, so the first slot is the next whole hour.
        return isSlot(start) ? start : slotOf(start).plus(HOUR);
    }

    private static LocalDate firstDay(LocalDate date, Period p) {
        switch (p) {
            case DAY:
                return date;
            case MONTH:
                return date.withDayOfMonth(1);
            case QUARTER:
                return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case SEMESTER:
                return LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
            case YEAR:
                return date.withDayOfYear(1);
            default:
                throw new IllegalArgumentException("unknown period " + p);
        }
    }

    private static void requireSlot(Instant slot) {
        Objects.requireNonNull(slot, "slot");
        if (!isSlot(slot)) {
            throw new IllegalArgumentException("not the start of a UTC hour: " + slot);
        }
    }
}
