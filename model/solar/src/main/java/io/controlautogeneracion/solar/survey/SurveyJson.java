package io.controlautogeneracion.solar.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.controlautogeneracion.model.time.IsoTime;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes a {@link SurveyReport} as JSON with snake_case names and rounded figures (angles 0.1°,
 * irradiation 0.001 kWh/m², energy 0.001 kWh) in the order a reader wants them.
 */
public final class SurveyJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SurveyJson() {}

    /** The report as a JSON tree. */
    public static ObjectNode toJson(SurveyReport report) {
        SurveyOptions o = report.options();
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode site = root.putObject("site");
        site.put("latitude", o.latitude());
        site.put("longitude", o.longitude());
        site.put("elevation_m", o.elevation());
        site.put("time_zone", o.zone().getId());

        ObjectNode panel = root.putObject("panel");
        panel.put("power_cap_wp", o.powerCapWp());
        panel.put("performance_ratio", o.performanceRatio());
        panel.put("lux_per_wm2", o.luxPerWm2());
        panel.put("albedo", o.albedo());
        panel.put("transposition", SurveyOptions.modelName(o.model()));

        SurveyReport.Period p = report.period();
        ObjectNode period = root.putObject("period");
        period.put("first_reading", local(p.first(), o.zone()));
        period.put("last_reading", local(p.last(), o.zone()));
        period.put("readings", p.readings());
        period.put("duplicates_dropped", p.duplicatesDropped());
        period.put("sampling_interval_s", round(p.samplingIntervalSeconds(), 1));
        period.put("gaps_over_max", p.gaps());
        period.put("max_gap_minutes", p.maxGap().toSeconds() / 60.0);
        period.put("covered_hours", round(p.coveredHours(), 2));

        ObjectNode optimal = root.putObject("optimal");
        optimal.put("tilt_deg", round(report.optimal().tilt(), 1));
        optimal.put("azimuth_deg", round(report.optimal().azimuth(), 1));
        totals(optimal, report.atOptimum());
        totals(root.putObject("flat"), report.flat());
        double gain = report.gainOverFlatPercent();
        if (Double.isNaN(gain)) {
            root.putNull("gain_over_flat_percent");
        } else {
            root.put("gain_over_flat_percent", round(gain, 1));
        }
        ObjectNode clearSky = root.putObject("clear_sky_year_optimum");
        clearSky.put("tilt_deg", round(report.clearSkyYearOptimum().tilt(), 1));
        clearSky.put("azimuth_deg", round(report.clearSkyYearOptimum().azimuth(), 1));

        ArrayNode daily = root.putArray("daily");
        for (SurveyReport.Day d : report.daily()) {
            ObjectNode day = daily.addObject();
            day.put("date", d.date().toString());
            day.put("ghi_kwh_m2", round(d.ghi(), 3));
            day.put("poa_optimal_kwh_m2", round(d.poaOptimal(), 3));
            day.put("energy_optimal_kwh", round(d.energyOptimal(), 3));
            day.put("energy_flat_kwh", round(d.energyFlat(), 3));
            day.put("readings", d.readings());
            day.put("covered_hours", round(d.coveredHours(), 2));
        }
        return root;
    }

    /** The report as indented JSON text. */
    public static String write(SurveyReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void totals(ObjectNode node, SurveyReport.Totals t) {
        node.put("irradiation_kwh_m2", round(t.irradiation(), 3));
        node.put("energy_kwh", round(t.energy(), 3));
    }

    private static String local(Instant instant, ZoneId zone) {
        return IsoTime.format(instant, zone);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
