package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.calendar.SlotCalendar;
import io.controlautogeneracion.model.druid.Enrichment;
import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * WritePanel's report step (SPEC §6): rows for panel hours, with the differences with their
 * reference slots and the running totals of their local day, month, quarter, half-year and year,
 * per panel and client ({@link ReportChain}). A reference without data gives a null difference,
 * never 0.
 */
public final class PanelReports {
    private PanelReports() {}

    /** Rows in the order the chain needs them: time, then panel, then client. */
    public static final Comparator<PanelReportRow> ORDER =
            Comparator.comparing(PanelReportRow::timestamp)
                    .thenComparing(PanelReportRow::panelId)
                    .thenComparing(r -> Objects.toString(r.enrichment().clientId(), ""));

    /** The key a row's diffs and totals are kept under: its panel and client. */
    public static String key(String panelId, String clientId) {
        return panelId + "|" + Objects.toString(clientId, "");
    }

    /** The key of a panel hour. */
    public static String key(PanelHour h) {
        return key(h.panelId(), h.owner());
    }

    /**
     * The rows of {@code hours} (not silent ones), none of them before {@code from}, with history
     * before {@code from}.
     */
    public static List<PanelReportRow> build(
            List<PanelHour> hours, Instant from, PanelHistory history) {
        List<PanelHour> reported = new ArrayList<>(hours.size());
        for (PanelHour h : hours) {
            if (!h.silent()) {
                reported.add(h);
            }
        }
        return chain(templates(reported), from, history);
    }

    /** The rows with their diffs and totals; any order in, time order out. */
    public static List<PanelReportRow> chain(
            List<PanelReportRow> rows, Instant from, PanelHistory history) {
        List<PanelReportRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        ReportChain chain = new ReportChain(history, from);
        List<PanelReportRow> out = new ArrayList<>(sorted.size());
        for (PanelReportRow r : sorted) {
            out.add(chain.next(r));
        }
        return out;
    }

    /**
     * Panel hours as rows without diffs and totals yet. The hours of one owner share their facts (a
     * run's hours come so), whose columns are then built once.
     */
    public static List<PanelReportRow> templates(List<PanelHour> hours) {
        Map<CatalogFacts, Enrichment> columns = new IdentityHashMap<>();
        List<PanelReportRow> out = new ArrayList<>(hours.size());
        for (PanelHour h : hours) {
            out.add(template(h, columns.computeIfAbsent(h.facts(), CatalogFacts::columns)));
        }
        return out;
    }

    private static PanelReportRow template(PanelHour h, Enrichment columns) {
        Map<Period, Double> zero = new EnumMap<>(Period.class);
        for (Period p : Period.values()) {
            zero.put(p, 0.0);
        }
        return PanelReportRow.of(
                columns,
                h.panelId(),
                h.slot(),
                h.energyWh(),
                Map.of(),
                zero,
                h.facts().timezone(),
                h.quality());
    }

    /** The reference slots of a slot in a zone that lie before {@code from}. */
    public static List<Instant> referencesBefore(Instant slot, ZoneId zone, Instant from) {
        List<Instant> refs = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            Instant ref = SlotCalendar.reference(slot, c, zone);
            if (ref.isBefore(from)) {
                refs.add(ref);
            }
        }
        return refs;
    }
}
