package io.controlautogeneracion.pipelines.panel;

/**
 * What a run learns about one panel ({@link RichPanel}): its rows for the run's hours, the edge
 * readings (first, last and highest counter of each hour) of the partitions the run read in full,
 * and, where the panel's earliest or latest reading of the run carries a counter and no reading of
 * the neighbouring hours was seen, that reading: the neighbour lies further away ({@link FarGaps}).
 *
 * @param first the earliest reading, when it lies in the run's hours and has a counter; or null
 * @param last the latest reading, when it lies in the run's hours and has a counter; or null
 */
public record PanelSpan(
        String panelId,
        PanelHour[] hours,
        EdgeReading[] edges,
        EdgeReading first,
        EdgeReading last) {}
