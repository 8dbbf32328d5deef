package io.controlautogeneracion.solar.survey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Command-line site survey for installers: a light sensor's {@code timestamp,lux} CSV in, JSON out
 * (daily irradiation, energy of the panel at the optimum and flat, optimal tilt and azimuth, gain
 * over flat). Exit 0 on success (and for {@code --help}), 2 on bad arguments (with the usage) or
 * input, with the reason on stderr.
 */
public final class SiteSurvey {

    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 2;

    private SiteSurvey() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the survey with the given streams; returns the process exit code. */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        CommandLine cli = SurveyOptions.commandLine();
        if (args.length == 0) {
            cli.usage(err);
            return EXIT_BAD_INPUT;
        }
        SurveyOptions options;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return EXIT_OK;
            }
            options = cli.<SurveyOptions.Arguments>getCommand().options();
        } catch (ParameterException e) {
            err.println("site-survey: " + e.getMessage());
            cli.usage(err);
            return EXIT_BAD_INPUT;
        }
        try {
            ReadingsCsv.Parsed parsed = read(options.csv(), stdin);
            out.println(SurveyJson.write(Survey.run(options, parsed)));
            return EXIT_OK;
        } catch (SurveyInputException e) {
            err.println("site-survey: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    private static ReadingsCsv.Parsed read(String csv, InputStream stdin) {
        try {
            if (csv.equals("-")) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                return ReadingsCsv.read(in, "stdin");
            }
            try (BufferedReader in =
                    Files.newBufferedReader(Path.of(csv), StandardCharsets.UTF_8)) {
                return ReadingsCsv.read(in, csv);
            }
        } catch (NoSuchFileException e) {
            throw new SurveyInputException(csv + ": no such file");
        } catch (IOException e) {
            // Malformed UTF-8 and unreadable files are input problems too, not crashes.
            throw new SurveyInputException(csv + ": cannot read (" + e + ")");
        }
    }
}
