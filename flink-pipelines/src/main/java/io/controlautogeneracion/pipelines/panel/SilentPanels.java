package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.DruidGateway;
import io.controlautogeneracion.pipelines.batch.DruidSql;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Panels that fell silent. A panel that reported within {@code lookback} before an hour of the run
 * and is still installed at a client, but sent no reading in that hour, gets a silent {@link
 * PanelHour} (no energy, no samples): no report row, since nothing was measured, but an alarm when
 * the hour should have produced (daylight). A panel whose hour has energy from a counter gap that
 * later readings closed is not silent: it sent nothing, but what it made is known. After {@code
 * lookback} without a reading the panel is no longer expected, so a removed panel does not alarm
 * for ever.
 */
public final class SilentPanels {
    private static final Logger LOG = LoggerFactory.getLogger(SilentPanels.class);

    private SilentPanels() {}

    /** The silent panel hours of {@code range}, with the catalog facts valid in each. */
    public static List<PanelHour> find(
            DruidGateway druid,
            BatchCatalog.Factory catalogFactory,
            List<PanelHour> hours,
            HourRange range,
            Set<Instant> landed,
            Duration lookback,
            Duration catalogTimeout)
            throws Exception {
        return find(
                lastReports(druid, range.from().minus(lookback), range.from()),
                catalogFactory,
                hours,
                range,
                landed,
                lookback,
                catalogTimeout);
    }

    /**
     * The silent panel hours of {@code range}, given each panel's latest hour with readings in the
     * {@code lookback} before it.
     */
    static List<PanelHour> find(
            Map<String, Instant> lastBefore,
            BatchCatalog.Factory catalogFactory,
            List<PanelHour> hours,
            HourRange range,
            Set<Instant> landed,
            Duration lookback,
            Duration catalogTimeout)
            throws Exception {
        List<Map.Entry<String, Instant>> silent = hours(lastBefore, hours, range, landed, lookback);
        if (silent.isEmpty()) {
            return List.of();
        }
        List<PanelHour> out = new ArrayList<>();
        try (BatchCatalog catalog = catalogFactory.open()) {
            List<CompletableFuture<CatalogFacts>> lookups = new ArrayList<>();
            for (Map.Entry<String, Instant> s : silent) {
                Instant slot = s.getValue();
                lookups.add(
                        catalog.timeline(DeviceKind.PANEL, s.getKey())
                                .thenApply(t -> t.at(slot.toEpochMilli())));
            }
            // One deadline for all the lookups, so a hung catalog costs one timeout, not one each.
            try {
                CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                        .get(catalogTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Each lookup is judged on its own below.
            }
            for (int i = 0; i < silent.size(); i++) {
                String panelId = silent.get(i).getKey();
                Instant slot = silent.get(i).getValue();
                CompletableFuture<CatalogFacts> lookup = lookups.get(i);
                if (!lookup.isDone() || lookup.isCompletedExceptionally()) {
                    LOG.warn(
                            "panel {} sent nothing in the hour from {}, and the catalog could not"
                                    + " say whether it is still installed: no alarm ({})",
                            panelId,
                            slot,
                            lookup.isDone() ? "lookup failed" : "lookup timed out");
                    continue;
                }
                CatalogFacts facts = lookup.join();
                // No owner then: uninstalled or between clients, not expected to report.
                if (facts.clientId() != null) {
                    out.add(PanelHour.silent(panelId, slot, facts));
                }
            }
        }
        return out;
    }

    /**
     * The (panel, hour) pairs of {@code range} without a reading, for every panel whose latest
     * report (before the range, from {@code lastBefore}, or earlier in the run) is at most {@code
     * lookback} old; in hour then panel order. Only the {@code landed} hours (a closed partition
     * was read) are judged.
     */
    static List<Map.Entry<String, Instant>> hours(
            Map<String, Instant> lastBefore,
            List<PanelHour> hours,
            HourRange range,
            Set<Instant> landed,
            Duration lookback) {
        Map<Instant, Set<String>> reporting = new HashMap<>();
        Set<String> panels = new TreeSet<>(lastBefore.keySet());
        for (PanelHour h : hours) {
            reporting.computeIfAbsent(h.slot(), k -> new HashSet<>()).add(h.panelId());
            panels.add(h.panelId());
        }
        Map<String, Instant> last = new HashMap<>(lastBefore);
        List<Map.Entry<String, Instant>> silent = new ArrayList<>();
        for (Instant slot : range.slots()) {
            if (!landed.contains(slot)) {
                // No closed partition: a gap in the landing (not closed, or nothing landed), not a
                // fleet gone quiet. Nobody is judged, and nobody's last report moves.
                continue;
            }
            Set<String> present = reporting.getOrDefault(slot, Set.of());
            Instant oldest = slot.minus(lookback);
            for (String panel : panels) {
                Instant seen = last.get(panel);
                if (!present.contains(panel) && seen != null && !seen.isBefore(oldest)) {
                    silent.add(Map.entry(panel, slot));
                }
            }
            for (String panel : present) {
                last.put(panel, slot);
            }
        }
        return silent;
    }

    /** Each panel's latest {@code panel_report} hour with readings in {@code [since, before)}. */
    static Map<String, Instant> lastReports(DruidGateway druid, Instant since, Instant before) {
        if (!since.isBefore(before) || !DruidSql.exists(druid, "panel_report")) {
            return Map.of();
        }
        Map<String, Instant> last = new HashMap<>();
        for (Map<String, Object> row :
                druid.sql(
                        "SELECT panel_id, MAX(__time) AS \"last\" FROM panel_report"
                                + " WHERE __time >= ? AND __time < ? AND samples > 0"
                                + " GROUP BY panel_id",
                        since,
                        before)) {
            last.put((String) row.get("panel_id"), DruidSql.time(row, "last"));
        }
        return last;
    }
}
