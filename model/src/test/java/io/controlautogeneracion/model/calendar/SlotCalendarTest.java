package io.controlautogeneracion.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlotCalendarTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId CANARY = ZoneId.of("Atlantic/Canary");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void shouldTruncateToTheUtcHour() {
        assertThat(SlotCalendar.slotOf(at("2026-11-28T13:59:59.999Z")))
                .isEqualTo(at("2026-11-28T13:00:00Z"));
        assertThat(SlotCalendar.slotOf(at("2026-11-28T13:00:00Z")))
                .isEqualTo(at("2026-11-28T13:00:00Z"));
        assertThat(SlotCalendar.isSlot(at("2026-11-28T13:00:00Z"))).isTrue();
        assertThat(SlotCalendar.isSlot(at("2026-11-28T13:30:00Z"))).isFalse();
        assertThat(SlotCalendar.isSlot(at("1969-12-31T23:30:00Z"))).isFalse();
    }

    @Test
    void shouldRejectAReferenceOfSomethingThatIsNotASlot() {
        assertThatThrownBy(
                        () ->
                                SlotCalendar.reference(
                                        at("2026-11-28T13:00:01Z"), Comparison.LAST_DAY, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-11-28T13:00:01Z");
        assertThatThrownBy(
                        () ->
                                SlotCalendar.slotsOfPeriodUpTo(
                                        at("2026-11-28T13:30:00Z"), Period.DAY, UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} in {2} -> {3}")
    @CsvSource({
        // plain UTC
        "2026-11-28T13:00:00Z, LAST_HOUR,    UTC, 2026-11-28T12:00:00Z",
        "2026-01-01T00:00:00Z, LAST_HOUR,    UTC, 2025-12-31T23:00:00Z",
        "2026-11-28T13:00:00Z, LAST_DAY,     UTC, 2026-11-27T13:00:00Z",
        "2026-11-28T13:00:00Z, LAST_MONTH,   UTC, 2026-10-28T13:00:00Z",
        "2026-11-28T13:00:00Z, LAST_QUARTER, UTC, 2026-08-28T13:00:00Z",
        "2026-11-28T13:00:00Z, LAST_SIX,     UTC, 2026-05-28T13:00:00Z",
        "2026-11-28T13:00:00Z, LAST_YEAR,    UTC, 2025-11-28T13:00:00Z",
        // month ends clamp to the shorter month, as java.time does
        "2028-02-29T12:00:00Z, LAST_YEAR,    UTC, 2027-02-28T12:00:00Z",
        "2027-03-31T12:00:00Z, LAST_MONTH,   UTC, 2027-02-28T12:00:00Z",
        "2028-03-31T12:00:00Z, LAST_MONTH,   UTC, 2028-02-29T12:00:00Z",
        "2027-05-31T12:00:00Z, LAST_QUARTER, UTC, 2027-02-28T12:00:00Z",
        "2028-05-31T12:00:00Z, LAST_QUARTER, UTC, 2028-02-29T12:00:00Z",
        "2027-08-31T12:00:00Z, LAST_SIX,     UTC, 2027-02-28T12:00:00Z",
        "2026-12-31T12:00:00Z, LAST_SIX,     UTC, 2026-06-30T12:00:00Z",
        // Madrid: same local hour, so the UTC hour moves when the offset differs
        "2027-03-31T10:00:00Z, LAST_MONTH,   Europe/Madrid, 2027-02-28T11:00:00Z",
        "2026-07-15T10:00:00Z, LAST_SIX,     Europe/Madrid, 2026-01-15T11:00:00Z",
        "2026-03-29T10:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-28T11:00:00Z",
        "2026-03-29T10:00:00Z, LAST_HOUR,    Europe/Madrid, 2026-03-29T09:00:00Z",
        // Madrid, the day after spring forward (29 March 2026, 02:00 -> 03:00 local)
        "2026-03-30T10:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-29T10:00:00Z",
        "2026-03-30T00:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-29T01:00:00Z",
        "2026-03-30T01:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-29T01:00:00Z",
        "2026-03-29T22:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-28T23:00:00Z",
        "2026-03-29T23:00:00Z, LAST_DAY,     Europe/Madrid, 2026-03-29T00:00:00Z",
        // Madrid, the day after fall back (25 October 2026, 03:00 -> 02:00 local)
        "2026-10-26T10:00:00Z, LAST_DAY,     Europe/Madrid, 2026-10-25T10:00:00Z",
        "2026-10-26T00:00:00Z, LAST_DAY,     Europe/Madrid, 2026-10-24T23:00:00Z",
        "2026-10-26T01:00:00Z, LAST_DAY,     Europe/Madrid, 2026-10-25T01:00:00Z",
        "2026-10-25T10:00:00Z, LAST_DAY,     Europe/Madrid, 2026-10-24T09:00:00Z",
        // Canary Islands: WET/WEST, one hour behind Madrid all year
        "2026-03-30T10:00:00Z, LAST_DAY,     Atlantic/Canary, 2026-03-29T10:00:00Z",
        "2026-03-29T10:00:00Z, LAST_DAY,     Atlantic/Canary, 2026-03-28T11:00:00Z",
        "2026-11-28T13:00:00Z, LAST_QUARTER, Atlantic/Canary, 2026-08-28T12:00:00Z",
        // Kolkata: constant +05:30, so the UTC hour never moves
        "2026-11-28T18:00:00Z, LAST_DAY,     Asia/Kolkata, 2026-11-27T18:00:00Z",
        "2028-02-29T18:00:00Z, LAST_YEAR,    Asia/Kolkata, 2027-02-28T18:00:00Z",
        // Lord Howe falls back 30 minutes (5 April 2026, 02:00 +11:00 -> 01:30 +10:30): the
        // local hour one day earlier is 13:30 UTC, truncated to its slot
        "2026-04-05T14:00:00Z, LAST_DAY,     Australia/Lord_Howe, 2026-04-04T13:00:00Z"
    })
    void shouldFindTheReferenceSlot(String slot, Comparison c, String zone, String expected) {
        assertThat(SlotCalendar.reference(at(slot), c, ZoneId.of(zone))).isEqualTo(at(expected));
    }

    @Test
    void shouldMapTheDayAfterFallBackOntoAllButOneSlotOfThe25HourDay() {
        Instant firstOfDay = at("2026-10-25T23:00:00Z"); // 00:00 CET on 26 October
        Set<Instant> references =
                IntStream.range(0, 24)
                        .mapToObj(
                                h ->
                                        SlotCalendar.reference(
                                                firstOfDay.plus(Duration.ofHours(h)),
                                                Comparison.LAST_DAY,
                                                MADRID))
                        .collect(Collectors.toCollection(TreeSet::new));
        List<Instant> dayBefore =
                SlotCalendar.slotsOfPeriodUpTo(at("2026-10-25T22:00:00Z"), Period.DAY, MADRID);

        assertThat(dayBefore).hasSize(25);
        assertThat(references).hasSize(24).isSubsetOf(dayBefore);
        // The first 02:00 (CEST) is nobody's reference: the overlap keeps the later offset.
        assertThat(dayBefore)
                .filteredOn(s -> !references.contains(s))
                .containsExactly(at("2026-10-25T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} day of {1} has {2} slots")
    @CsvSource({
        "Europe/Madrid,   2026-03-29T21:00:00Z, 23, 2026-03-28T23:00:00Z",
        "Europe/Madrid,   2026-10-25T22:00:00Z, 25, 2026-10-24T22:00:00Z",
        "Europe/Madrid,   2026-11-28T22:00:00Z, 24, 2026-11-27T23:00:00Z",
        "Atlantic/Canary, 2026-03-29T22:00:00Z, 23, 2026-03-29T00:00:00Z",
        "Atlantic/Canary, 2026-10-25T23:00:00Z, 25, 2026-10-24T23:00:00Z",
        "UTC,             2026-11-28T23:00:00Z, 24, 2026-11-28T00:00:00Z",
        "Asia/Kolkata,    2026-11-28T18:00:00Z, 24, 2026-11-27T19:00:00Z",
        "Asia/Kolkata,    2026-11-28T19:00:00Z,  1, 2026-11-28T19:00:00Z"
    })
    void shouldCountTheSlotsOfALocalDay(String zone, String last, int count, String first) {
        List<Instant> slots = SlotCalendar.slotsOfPeriodUpTo(at(last), Period.DAY, ZoneId.of(zone));

        assertThat(slots).hasSize(count);
        assertThat(slots.get(0)).isEqualTo(at(first));
        assertThat(slots.get(count - 1)).isEqualTo(at(last));
    }

    @ParameterizedTest(name = "{1} of {0} in {2} starts at {3}")
    @CsvSource({
        "2026-11-28T13:00:00Z, DAY,      UTC, 2026-11-28T00:00:00Z",
        "2026-11-28T13:00:00Z, MONTH,    UTC, 2026-11-01T00:00:00Z",
        "2026-11-28T13:00:00Z, QUARTER,  UTC, 2026-10-01T00:00:00Z",
        "2026-05-15T13:00:00Z, QUARTER,  UTC, 2026-04-01T00:00:00Z",
        "2026-03-31T23:00:00Z, QUARTER,  UTC, 2026-01-01T00:00:00Z",
        "2026-06-30T23:00:00Z, SEMESTER, UTC, 2026-01-01T00:00:00Z",
        "2026-07-01T00:00:00Z, SEMESTER, UTC, 2026-07-01T00:00:00Z",
        "2026-11-28T13:00:00Z, SEMESTER, UTC, 2026-07-01T00:00:00Z",
        "2026-11-28T13:00:00Z, YEAR,     UTC, 2026-01-01T00:00:00Z",
        "2026-06-30T22:00:00Z, MONTH,    Europe/Madrid, 2026-06-30T22:00:00Z",
        "2026-06-30T21:00:00Z, MONTH,    Europe/Madrid, 2026-05-31T22:00:00Z",
        "2026-06-30T21:00:00Z, SEMESTER, Europe/Madrid, 2025-12-31T23:00:00Z",
        "2026-12-31T23:00:00Z, YEAR,     Europe/Madrid, 2026-12-31T23:00:00Z",
        "2026-12-31T22:00:00Z, YEAR,     Europe/Madrid, 2025-12-31T23:00:00Z",
        "2026-07-01T10:00:00Z, QUARTER,  Atlantic/Canary, 2026-06-30T23:00:00Z",
        "2027-01-01T00:00:00Z, YEAR,     Atlantic/Canary, 2027-01-01T00:00:00Z",
        // Kolkata: the 18:00 UTC slot starts at 23:30 local, the 19:00 slot at 00:30 the next day
        "2026-11-28T18:00:00Z, DAY,      Asia/Kolkata, 2026-11-27T18:30:00Z",
        "2026-11-28T19:00:00Z, DAY,      Asia/Kolkata, 2026-11-28T18:30:00Z",
        "2026-11-30T18:00:00Z, MONTH,    Asia/Kolkata, 2026-10-31T18:30:00Z",
        "2026-11-30T19:00:00Z, MONTH,    Asia/Kolkata, 2026-11-30T18:30:00Z",
        "2026-12-31T18:00:00Z, YEAR,     Asia/Kolkata, 2025-12-31T18:30:00Z",
        "2026-12-31T19:00:00Z, YEAR,     Asia/Kolkata, 2026-12-31T18:30:00Z"
    })
    void shouldFindThePeriodStart(String slot, Period p, String zone, String expected) {
        assertThat(SlotCalendar.periodStart(at(slot), p, ZoneId.of(zone))).isEqualTo(at(expected));
    }

    @Test
    void shouldPutAStraddlingKolkataSlotInThePeriodOfItsStart() {
        Instant beforeMidnight = at("2026-12-31T18:00:00Z"); // 23:30 on 31 December local
        Instant afterMidnight = at("2026-12-31T19:00:00Z"); // 00:30 on 1 January local

        for (Period p : Period.values()) {
            assertThat(SlotCalendar.samePeriod(beforeMidnight, afterMidnight, p, KOLKATA))
                    .as(p.name())
                    .isFalse();
            assertThat(SlotCalendar.samePeriod(beforeMidnight, afterMidnight, p, UTC))
                    .as(p.name())
                    .isTrue();
            assertThat(SlotCalendar.slotsOfPeriodUpTo(afterMidnight, p, KOLKATA))
                    .containsExactly(afterMidnight);
        }
        assertThat(SlotCalendar.firstSlotOfPeriod(beforeMidnight, Period.DAY, KOLKATA))
                .isEqualTo(at("2026-12-30T19:00:00Z"));
        assertThat(SlotCalendar.slotsOfPeriodUpTo(beforeMidnight, Period.YEAR, KOLKATA))
                .hasSize(365 * 24)
                .startsWith(at("2025-12-31T19:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "YEAR,     2028-12-31T23:00:00Z, 8784",
        "YEAR,     2027-12-31T23:00:00Z, 8760",
        "SEMESTER, 2028-06-30T23:00:00Z, 4368",
        "QUARTER,  2028-03-31T23:00:00Z, 2184",
        "MONTH,    2028-02-29T23:00:00Z, 696",
        "MONTH,    2027-02-28T23:00:00Z, 672"
    })
    void shouldCountTheSlotsOfWholeUtcPeriods(Period p, String last, int count) {
        assertThat(SlotCalendar.slotsOfPeriodUpTo(at(last), p, UTC)).hasSize(count);
    }

    @Test
    void shouldCountAWholeMadridYearAsEveryHourOfIt() {
        // 365 days, the 23-hour and 25-hour days cancel out.
        assertThat(SlotCalendar.slotsOfPeriodUpTo(at("2026-12-31T22:00:00Z"), Period.YEAR, MADRID))
                .hasSize(8760)
                .startsWith(at("2025-12-31T23:00:00Z"));
    }

    /**
     * Property over two years of slots, every 7 hours: the slots summed for acum_x are contiguous,
     * share the slot's period, end at the slot, and the hour before the first is in another period.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "UTC",
                "Europe/Madrid",
                "Atlantic/Canary",
                "Asia/Kolkata",
                "Australia/Lord_Howe",
                "America/St_Johns"
            })
    void shouldListExactlyTheSlotsOfThePeriodUpToTheSlot(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (Period p : Period.values()) {
            for (Instant slot = at("2026-01-01T00:00:00Z");
                    slot.isBefore(at("2028-01-01T00:00:00Z"));
                    slot = slot.plus(Duration.ofHours(p == Period.DAY ? 7 : 97))) {
                List<Instant> slots = SlotCalendar.slotsOfPeriodUpTo(slot, p, zone);
                Instant first = slots.get(0);

                assertThat(SlotCalendar.firstSlotOfPeriod(slot, p, zone)).isEqualTo(first);
                assertThat(slots.get(slots.size() - 1)).isEqualTo(slot);
                assertThat(Duration.between(first, slot).toHours()).isEqualTo(slots.size() - 1);
                assertThat(SlotCalendar.samePeriod(first, slot, p, zone)).isTrue();
                assertThat(SlotCalendar.samePeriod(first.minus(Duration.ofHours(1)), slot, p, zone))
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Madrid", "Asia/Kolkata", "Australia/Lord_Howe"})
    void shouldAlwaysReturnAnEarlierSlotAsReference(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (Instant slot = at("2026-01-01T00:00:00Z");
                slot.isBefore(at("2027-01-01T00:00:00Z"));
                slot = slot.plus(Duration.ofHours(5))) {
            for (Comparison c : Comparison.values()) {
                Instant reference = SlotCalendar.reference(slot, c, zone);

                assertThat(SlotCalendar.isSlot(reference)).isTrue();
                assertThat(reference).isBefore(slot);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Comparison.class)
    void shouldNameTheDiffColumns(Comparison c) {
        assertThat(c.column()).startsWith("diff_last_");
    }

    @Test
    void shouldUseTheSeedColumnNames() {
        assertThat(Comparison.LAST_QUARTER.column()).isEqualTo("diff_last_quar");
        assertThat(Comparison.LAST_SIX.column()).isEqualTo("diff_last_six");
        assertThat(Period.SEMESTER.column()).isEqualTo("acum_semestre");
        assertThat(Period.QUARTER.column()).isEqualTo("acum_quarter");
        assertThat(
                        java.util.Arrays.stream(Period.values())
                                .map(Period::column)
                                .collect(Collectors.toList()))
                .containsExactly(
                        "acum_day", "acum_month", "acum_quarter", "acum_semestre", "acum_year");
    }
}
