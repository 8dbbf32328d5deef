package io.controlautogeneracion.solar.survey;

import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.Transposition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The site survey's command line: where the sensor stood, the panel, the model and the CSV, read by
 * picocli ({@link Arguments}, which prints the usage) and checked. Without {@code --max-gap}, the
 * longest interval integrated follows the file's sampling (see {@link Survey#maxGap}).
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

    /** The command line as picocli reads it; {@link #options} checks the ranges. */
    @Command(
            name = "site-survey",
            synopsisHeading = "usage: ",
            customSynopsis = "site-survey --lat DEG --lon DEG [options] READINGS.csv",
            description =
                    "A light sensor's readings in, JSON out: daily irradiation, the panel's energy"
                            + " at the optimal tilt and azimuth and flat, the gain over flat.",
            sortOptions = false)
    static final class Arguments {
        @Spec CommandSpec spec;

        @Parameters(
                paramLabel = "READINGS.csv",
                description =
                        "lines 'timestamp,lux' (ISO-8601 with offset, or epoch ms); '-' = stdin")
        String csv;

        @Option(
                names = "--lat",
                required = true,
                paramLabel = "DEG",
                description = "sensor latitude in degrees, north positive")
        double latitude;

        @Option(
                names = "--lon",
                required = true,
                paramLabel = "DEG",
                description = "sensor longitude in degrees, east positive")
        double longitude;

        @Option(
                names = "--tz",
                paramLabel = "ZONE",
                defaultValue = "UTC",
                converter = ZoneConverter.class,
                description =
                        "time zone for daily totals, e.g. Europe/Madrid (default ${DEFAULT-VALUE})")
        ZoneId zone;

        @Option(
                names = "--power-cap",
                paramLabel = "WP",
                defaultValue = "1000",
                description = "panel peak power in Wp (default ${DEFAULT-VALUE})")
        double powerCapWp;

        @Option(
                names = "--lux-per-wm2",
                paramLabel = "F",
                defaultValue = "" + LightEstimator.DEFAULT_LUX_PER_WM2,
                description =
                        "lux per W/m² of global horizontal irradiance (default ${DEFAULT-VALUE})")
        double luxPerWm2;

        @Option(
                names = "--performance-ratio",
                paramLabel = "R",
                defaultValue = "" + LightEstimator.DEFAULT_PERFORMANCE_RATIO,
                description = "system losses factor, (0, 1] (default ${DEFAULT-VALUE})")
        double performanceRatio;

        @Option(
                names = "--albedo",
                paramLabel = "A",
                defaultValue = "" + Transposition.DEFAULT_ALBEDO,
                description = "ground reflectance, [0, 1] (default ${DEFAULT-VALUE})")
        double albedo;

        @Option(
                names = "--elevation",
                paramLabel = "M",
                defaultValue = "0",
                description = "site elevation in metres (default ${DEFAULT-VALUE})")
        double elevation;

        @Option(
                names = "--model",
                paramLabel = "M",
                defaultValue = "hay-davies",
                converter = ModelConverter.class,
                completionCandidates = ModelNames.class,
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        Transposition model;

        @Option(
                names = "--max-gap",
                paramLabel = "MIN",
                description =
                        "never integrate across gaps longer than MIN minutes (default 15, or twice"
                                + " the file's sampling interval if that is longer)")
        Double maxGapMinutes;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this help")
        boolean help;

        /** The options read, each within its range. */
        SurveyOptions options() {
            return new SurveyOptions(
                    within("--lat", latitude, -90, 90),
                    within("--lon", longitude, -180, 180),
                    within("--elevation", elevation, -500, 9000),
                    zone,
                    within("--power-cap", powerCapWp, 1e-6, 1e9),
                    within("--lux-per-wm2", luxPerWm2, 1e-9, 1e6),
                    within("--performance-ratio", performanceRatio, 1e-9, 1),
                    within("--albedo", albedo, 0, 1),
                    model,
                    Optional.ofNullable(maxGapMinutes)
                            .map(
                                    minutes ->
                                            Duration.ofSeconds(
                                                    Math.round(
                                                            60
                                                                    * within(
                                                                            "--max-gap",
                                                                            minutes,
                                                                            0.01,
                                                                            1440)))),
                    csv);
        }

        private double within(String option, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                throw new ParameterException(
                        spec.commandLine(),
                        option + " must be within [" + min + ", " + max + "], got " + value);
            }
            return value;
        }
    }

    /** The command line, ready to parse (once). */
    static CommandLine commandLine() {
        return new CommandLine(new Arguments());
    }

    /** Parses {@code --name value} or {@code --name=value} options and one CSV path. */
    public static SurveyOptions parse(String... args) {
        CommandLine cli = commandLine();
        try {
            cli.parseArgs(args);
            return cli.<Arguments>getCommand().options();
        } catch (ParameterException e) {
            throw new SurveyInputException(e.getMessage());
        }
    }

    /** The model's name as the command line spells it. */
    public static String modelName(Transposition model) {
        return model.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Transposition.values())
                    .map(SurveyOptions::modelName)
                    .sorted()
                    .iterator();
        }
    }

    static final class ModelConverter implements CommandLine.ITypeConverter<Transposition> {
        @Override
        public Transposition convert(String text) {
            for (Transposition m : Transposition.values()) {
                if (modelName(m).equals(text)) {
                    return m;
                }
            }
            throw new TypeConversionException(
                    "must be " + String.join(" or ", new ModelNames()) + ", got " + text);
        }
    }

    static final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String text) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + text + "' is not a time zone id");
            }
        }
    }
}
