package io.controlautogeneracion.solar.survey;

import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.Transposition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site survey's command line: where the sensor stood, the panel, the model and the CSV. Without
 * {@code --max-gap}, the longest interval integrated follows the file's sampling (see {@link
 * Survey#maxGap}).
 */
public record SurveyOptions(
        double latitude,
        double longitude,
        double elevation,
        ZoneId zone,
        double powerCapWp,
        double luxPerWm2,
        double performanceRatio,
        double albedo,
        Transposition model,
        Optional<Duration> maxGap,
        String csv) {

    static final String USAGE =
            """
            usage: site-survey --lat DEG --lon DEG [options] READINGS.csv
              READINGS.csv          lines 'timestamp,lux' (ISO-8601 with offset, or epoch ms); '-' = stdin
              --lat, --lon          sensor position in degrees (north, east positive)   required
              --tz ZONE             time zone for daily totals, e.g. Europe/Madrid       default UTC
              --power-cap WP        panel peak power in Wp                               default 1000
              --lux-per-wm2 F       lux per W/m² of global horizontal irradiance         default 120
              --performance-ratio R system losses factor, (0, 1]                         default 0.8
              --albedo A            ground reflectance, [0, 1]                           default 0.2
              --elevation M         site elevation in metres                             default 0
              --model M             hay-davies | isotropic                               default hay-davies
              --max-gap MIN         never integrate across gaps longer than this         default 15, or
                                    twice the file's sampling interval if that is longer
            """;

    private static final Set<String> KNOWN =
            Set.of(
                    "lat",
                    "lon",
                    "tz",
                    "power-cap",
                    "lux-per-wm2",
                    "performance-ratio",
                    "albedo",
                    "elevation",
                    "model",
                    "max-gap");

    /** Parses {@code --name value} or {@code --name=value} options and one CSV path. */
    public static SurveyOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        String csv = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new SurveyInputException("option --" + name + " needs a value");
                }
                if (!KNOWN.contains(name)) {
                    throw new SurveyInputException("unknown option --" + name);
                }
                if (values.put(name, value) != null) {
                    throw new SurveyInputException("option --" + name + " given twice");
                }
            } else if (csv == null) {
                csv = arg;
            } else {
                throw new SurveyInputException(
                        "one CSV file expected, got '" + csv + "' and '" + arg + "'");
            }
        }
        if (csv == null) {
            throw new SurveyInputException("the CSV file of readings is missing");
        }
        return new SurveyOptions(
                number(values, "lat", null, -90, 90),
                number(values, "lon", null, -180, 180),
                number(values, "elevation", 0.0, -500, 9000),
                zone(values.getOrDefault("tz", "UTC")),
                number(values, "power-cap", 1000.0, 1e-6, 1e9),
                number(values, "lux-per-wm2", LightEstimator.DEFAULT_LUX_PER_WM2, 1e-9, 1e6),
                number(
                        values,
                        "performance-ratio",
                        LightEstimator.DEFAULT_PERFORMANCE_RATIO,
                        1e-9,
                        1),
                number(values, "albedo", Transposition.DEFAULT_ALBEDO, 0, 1),
                model(values.getOrDefault("model", "hay-davies")),
                Optional.ofNullable(values.get("max-gap"))
                        .map(
                                text ->
                                        Duration.ofSeconds(
                                                Math.round(
                                                        60
                                                                * number(
                                                                        values, "max-gap", null,
                                                                        0.01, 1440)))),
                csv);
    }

    /** The model's name as the command line spells it. */
    public static String modelName(Transposition model) {
        return model.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double number(
            Map<String, String> values, String name, Double fallback, double min, double max) {
        String text = values.get(name);
        if (text == null) {
            if (fallback == null) {
                throw new SurveyInputException("option --" + name + " is required");
            }
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SurveyInputException("--" + name + " '" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new SurveyInputException(
                    "--" + name + " must be within [" + min + ", " + max + "], got " + text);
        }
        return value;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new SurveyInputException("--tz '" + text + "' is not a time zone id");
        }
    }

    private static Transposition model(String text) {
        for (Transposition m : Transposition.values()) {
            if (modelName(m).equals(text)) {
                return m;
            }
        }
        throw new SurveyInputException("--model must be hay-davies or isotropic, got " + text);
    }
}
