package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.LightReading;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.HourJob;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * RichSensorLight, the light-sensor kind of the {@link HourJob}: a sensor's readings of the run →
 * one {@link LightHour} per hour with readings, with the catalog facts valid at the hour's start.
 */
public final class RichSensorLight implements HourJob.Kind<LightReading, LightSamples, LightHour> {
    private static final long serialVersionUID = 1L;

    private final long fromMs;
    private final long toMs;

    public RichSensorLight(HourRange range) {
        this.fromMs = range.from().toEpochMilli();
        this.toMs = range.to().toEpochMilli();
    }

    @Override
    public DeviceKind deviceKind() {
        return DeviceKind.LIGHT;
    }

    @Override
    public TypeInformation<LightReading> readingType() {
        return TypeInformation.of(LightReading.class);
    }

    @Override
    public TypeInformation<LightSamples> samplesType() {
        return TypeInformation.of(LightSamples.class);
    }

    @Override
    public TypeInformation<LightHour> outputType() {
        return TypeInformation.of(LightHour.class);
    }

    @Override
    public LightSamples newSamples() {
        return new LightSamples();
    }

    @Override
    public void add(LightSamples samples, LightReading r) {
        samples.add(r.timestamp().toEpochMilli(), r.lux());
    }

    @Override
    public LightSamples merge(LightSamples into, LightSamples more) {
        return into.merge(more);
    }

    @Override
    public List<LightHour> outputs(String lightId, LightSamples samples, CatalogTimeline timeline) {
        Integer[] order = new Integer[samples.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(samples.times[a], samples.times[b]));
        List<LightHour> hours = new ArrayList<>();
        int i = 0;
        while (i < order.length) {
            long t = samples.times[order[i]];
            long hour = Math.floorDiv(t, 3_600_000L) * 3_600_000L;
            LightSamples ofHour = new LightSamples();
            while (i < order.length && samples.times[order[i]] < hour + 3_600_000L) {
                ofHour.add(samples.times[order[i]], samples.lux[order[i]]);
                i++;
            }
            if (hour >= fromMs && hour < toMs) {
                hours.add(LightOfHour.of(lightId, hour, ofHour).withFacts(timeline.at(hour)));
            }
        }
        return hours;
    }
}
