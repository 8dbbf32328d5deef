package io.controlautogeneracion.pipelines.panel;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What a run learns about one panel ({@link RichPanel}): its rows for the run's hours, the edge
 * readings (first, last and highest counter of each hour) of the partitions the run read in full,
 * and the panel's earliest and latest readings when they carry a counter and the run saw nothing
 * beyond them: the neighbour lies further away ({@link FarGaps}). Flink moves it with {@link
 * PanelSpanSerializer}.
 *
 * @param first the earliest reading seen, when it has a counter and is not before the run's hours
 *     (nothing before it was seen); or null
 * @param last the latest reading seen, when it has a counter and is before the run's end (nothing
 *     after it was seen); or null
 */
@TypeInfo(PanelSpanType.class)
public record PanelSpan(
        String panelId,
        PanelHour[] hours,
        EdgeReading[] edges,
        EdgeReading first,
        EdgeReading last) {}
