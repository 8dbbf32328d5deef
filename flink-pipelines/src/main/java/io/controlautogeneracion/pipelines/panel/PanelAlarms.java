package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.PanelAlarmRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WritePanel's under-production alarms (SPEC §6): a panel hour whose measured energy is below the
 * threshold share (the element type's, else the default 0.7) of the expected energy, both over the
 * part of the hour the panel's readings cover, so a data gap is never taken for under-production.
 * The expectation comes from the client's light sensor when there is one, else from the median of
 * the same local hour on the previous days that have data (at least {@code minHistoryDays} of them)
 * times the coverage. Expectations below {@code minExpectedWh} (night, dawn, an hour barely
 * covered) never alarm: a ratio of two tiny numbers means nothing.
 */
public final class PanelAlarms {
    private final double defaultRatio;
    private final int historyDays;
    private final int minHistoryDays;
    private final double minExpectedWh;
    private final Duration silentLookback;
    private final ExpectedEnergy.Source light;

    public PanelAlarms(
            double defaultRatio,
            int historyDays,
            int minHistoryDays,
            double minExpectedWh,
            Duration silentLookback,
            ExpectedEnergy.Source light) {
        this.defaultRatio = defaultRatio;
        this.historyDays = historyDays;
        this.minHistoryDays = minHistoryDays;
        this.minExpectedWh = minExpectedWh;
        this.silentLookback = silentLookback;
        this.light = light;
    }

    /**
     * 0.7, 7 days with at least 3 of them, 10 Wh, silent panels expected for 24 h, no light
     * sensors.
     */
    public static PanelAlarms defaults() {
        return new PanelAlarms(0.7, 7, 3, 10.0, Duration.ofHours(24), ExpectedEnergy.NONE);
    }

    public PanelAlarms withLight(ExpectedEnergy.Source source) {
        return new PanelAlarms(
                defaultRatio, historyDays, minHistoryDays, minExpectedWh, silentLookback, source);
    }

    /** How long after its last report a panel that sends nothing is still expected to. */
    public Duration silentLookback() {
        return silentLookback;
    }

    public int historyDays() {
        return historyDays;
    }

    /**
     * @param from the first hour of the run; earlier days come from {@code history}
     */
    public List<PanelAlarmRow> build(List<PanelHour> hours, Instant from, PanelHistory history) {
        Map<String, Map<Instant, Double>> inRun = new HashMap<>();
        for (PanelHour h : hours) {
            // A silent hour measured nothing: it is no reference for the other days.
            if (!h.silent()) {
                inRun.computeIfAbsent(PanelReports.key(h), k -> new HashMap<>())
                        .merge(h.slot(), h.energyWh(), Double::sum);
            }
        }
        List<PanelAlarmRow> alarms = new ArrayList<>();
        // Every panel of a zone has the same previous days for an hour: worked out once.
        Map<ZoneId, Map<Instant, List<Instant>>> days = new HashMap<>();
        for (PanelHour h : hours) {
            ExpectedEnergy expected = light.expected(h);
            if (expected == null) {
                List<Instant> previous =
                        days.computeIfAbsent(h.facts().zone(), z -> new HashMap<>())
                                .computeIfAbsent(
                                        h.slot(),
                                        s -> previousDays(s, h.facts().zone(), historyDays));
                expected = fromHistory(h, from, previous, inRun, history, false);
                if (expected != null && alarms(h, expected)) {
                    // Described only for an alarm (formatting every hour's basis costs more than
                    // the rest).
                    expected = fromHistory(h, from, previous, inRun, history, true);
                }
            }
            if (expected == null || expected.energyWh() < minExpectedWh) {
                continue;
            }
            double ratio = ratio(h);
            if (h.measuredWh() < ratio * expected.energyWh()) {
                alarms.add(
                        new PanelAlarmRow(
                                h.facts().columns(),
                                h.panelId(),
                                h.slot(),
                                expected.energyWh() - h.measuredWh(),
                                h.silent() ? silentText(h, expected) : text(h, expected, ratio)));
            }
        }
        alarms.sort(
                java.util.Comparator.comparing(PanelAlarmRow::timestamp)
                        .thenComparing(PanelAlarmRow::panelId));
        return alarms;
    }

    private ExpectedEnergy fromHistory(
            PanelHour h,
            Instant from,
            List<Instant> previousDays,
            Map<String, Map<Instant, Double>> inRunByKey,
            PanelHistory history,
            boolean described) {
        double[] values = new double[historyDays];
        int n = 0;
        String key = PanelReports.key(h);
        Map<Instant, Double> inRun = inRunByKey.get(key);
        for (Instant day : previousDays) {
            Double gen =
                    day.isBefore(from)
                            ? history.powerGen(key, day)
                            : inRun == null ? null : inRun.get(day);
            if (gen != null) {
                values[n++] = gen;
            }
        }
        if (n < minHistoryDays) {
            return null;
        }
        Arrays.sort(values, 0, n);
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        if (!described) {
            return new ExpectedEnergy(median * h.expectedShare(), null);
        }
        return new ExpectedEnergy(
                median * h.expectedShare(),
                String.format(
                        Locale.ROOT,
                        "the median of the same hour on %d of the previous %d days (%.1f Wh),"
                                + " for the %.0f %% of the hour covered",
                        n,
                        historyDays,
                        median,
                        100 * h.expectedShare()));
    }

    /** Whether the hour raises an alarm against {@code expected}. */
    private boolean alarms(PanelHour h, ExpectedEnergy expected) {
        return expected.energyWh() >= minExpectedWh
                && h.measuredWh() < ratio(h) * expected.energyWh();
    }

    private double ratio(PanelHour h) {
        return h.facts().minProductionRatio() == null
                ? defaultRatio
                : h.facts().minProductionRatio();
    }

    /** The same local hour on each of the {@code days} previous days, newest first. */
    public static List<Instant> previousDays(Instant slot, ZoneId zone, int days) {
        List<Instant> slots = new ArrayList<>(days);
        for (int k = 1; k <= days; k++) {
            slots.add(SlotCalendar.slotOf(slot.atZone(zone).minusDays(k).toInstant()));
        }
        return slots;
    }

    private static String silentText(PanelHour h, ExpectedEnergy expected) {
        return String.format(
                Locale.ROOT,
                "panel %s sent no reading in the hour from %s; %.1f Wh were expected from %s",
                h.panelId(),
                h.slot(),
                expected.energyWh(),
                expected.basis());
    }

    private static String text(PanelHour h, ExpectedEnergy expected, double ratio) {
        return String.format(
                Locale.ROOT,
                "panel %s generated %.1f Wh in the covered part of the hour from %s, %.0f %% of"
                        + " the %.1f Wh expected from %s (alarm below %.0f %%); coverage %.0f %%",
                h.panelId(),
                h.measuredWh(),
                h.slot(),
                100 * h.measuredWh() / expected.energyWh(),
                expected.energyWh(),
                expected.basis(),
                100 * ratio,
                100 * h.quality().coverage());
    }
}
