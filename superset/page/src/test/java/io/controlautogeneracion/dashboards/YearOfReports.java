package io.controlautogeneracion.dashboards;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic year (2025) of {@code panel_report} and {@code panel_alarm} rows for a fleet of
 * panels, written as JSON lines the datasources' task templates read: clients with about two panels
 * each, about a hundred postal codes in use, a handful of models, generation by day and season with
 * cloudy days per postal code, every panel reporting every hour (nights at 0 Wh), diffs and running
 * totals as the batch computes them in the panel's time zone, and a few incomplete hours, counter
 * resets and glitches, more of them on a few troubled panels.
 */
final class YearOfReports {
    private static final System.Logger LOG = System.getLogger(YearOfReports.class.getName());

    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");
    static final int HOURS = (int) ChronoUnit.HOURS.between(FROM, TO);
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId CANARY = ZoneId.of("Atlantic/Canary");
    private static final String[] MODELS = {
        "SP-300", "SP-350", "SP-400", "MX-410", "MX-450", "TR-380"
    };
    private static final double[] MODEL_WP = {300, 350, 400, 410, 450, 380};
    private static final String[] NAMES = {
        "Ana", "Luis", "Carmen", "Javier", "Lucía", "Pedro", "Marta", "Jorge", "Elena", "Pablo"
    };
    private static final String[] SURNAMES = {
        "García", "López", "Martín", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Muñoz"
    };

    record Client(
            String id,
            String name,
            String apell1,
            String apell2,
            String address,
            String postalCode,
            ZoneId zone) {}

    record Panel(
            String id,
            Client client,
            int model,
            String manufactured,
            String installed,
            double efficiency,
            boolean troubled) {}

    final List<Client> clients = new ArrayList<>();
    final List<Panel> panels = new ArrayList<>();
    final List<String> postalCodes = new ArrayList<>();
    private final long seed;

    /** The fleet of {@code panelCount} panels; everything follows from {@code seed}. */
    YearOfReports(int panelCount, int postalCodeCount, long seed) {
        this.seed = seed;
        Random r = new Random(seed);
        for (int i = 0; i < postalCodeCount; i++) {
            // A tenth of them in the Canaries (35xxx, another time zone), the rest peninsular.
            postalCodes.add(
                    i % 10 == 9
                            ? String.format("35%03d", i / 10)
                            : String.format("%02d%03d", 1 + (i * 7) % 50, i % 100));
        }
        int client = 0;
        while (panels.size() < panelCount) {
            client++;
            String postal = postalCodes.get(r.nextInt(postalCodes.size()));
            Client c =
                    new Client(
                            String.format("C-%05d", client),
                            NAMES[r.nextInt(NAMES.length)],
                            SURNAMES[r.nextInt(SURNAMES.length)],
                            SURNAMES[r.nextInt(SURNAMES.length)],
                            "Calle " + (1 + r.nextInt(200)) + ", " + (1 + r.nextInt(90)),
                            postal,
                            postal.startsWith("35") ? CANARY : MADRID);
            clients.add(c);
            // 1 to 3 panels, two on average.
            int owned = 1 + r.nextInt(3);
            int model = r.nextInt(MODELS.length);
            for (int k = 0; k < owned && panels.size() < panelCount; k++) {
                panels.add(
                        new Panel(
                                String.format("P-%05d", panels.size() + 1),
                                c,
                                model,
                                String.format(
                                        "20%02d-%02d-15", 19 + r.nextInt(5), 1 + r.nextInt(12)),
                                String.format("2024-%02d-01", 1 + r.nextInt(12)),
                                0.85 + 0.1 * r.nextDouble(),
                                r.nextInt(20) == 0));
            }
        }
    }

    /** Calendar facts of every hour of the year in one zone: period starts and references. */
    private static final class Calendar {
        final int[] day = new int[HOURS];
        final int[] month = new int[HOURS];
        final int[] quarter = new int[HOURS];
        final int[] half = new int[HOURS];
        final int[] lastDay = new int[HOURS];
        final int[] lastMonth = new int[HOURS];
        final int[] lastQuarter = new int[HOURS];
        final int[] lastSix = new int[HOURS];
        final double[] solarHour = new double[HOURS];
        final int[] dayOfYear = new int[HOURS];

        Calendar(ZoneId zone, double solarNoonUtc) {
            for (int h = 0; h < HOURS; h++) {
                Instant t = FROM.plus(h, ChronoUnit.HOURS);
                ZonedDateTime local = t.atZone(zone);
                day[h] = local.getYear() * 1000 + local.getDayOfYear();
                month[h] = local.getYear() * 100 + local.getMonthValue();
                quarter[h] = local.getYear() * 10 + (local.getMonthValue() - 1) / 3;
                half[h] = local.getYear() * 10 + (local.getMonthValue() - 1) / 6;
                lastDay[h] = index(local.minusDays(1));
                lastMonth[h] = index(local.minusMonths(1));
                lastQuarter[h] = index(local.minusMonths(3));
                lastSix[h] = index(local.minusMonths(6));
                // The middle of the UTC hour, in hours from solar noon.
                solarHour[h] = (h % 24) + 0.5 - solarNoonUtc;
                dayOfYear[h] = t.atZone(ZoneId.of("UTC")).getDayOfYear();
            }
        }

        private static int index(ZonedDateTime reference) {
            long h = ChronoUnit.HOURS.between(FROM, reference.toInstant());
            return h < 0 || h >= HOURS ? -1 : (int) h;
        }
    }

    /** Sink of one JSON line of a datasource at one hour. */
    interface Rows {
        void report(int hour, String json) throws IOException;

        void alarm(int hour, String json) throws IOException;
    }

    /**
     * Writes the year as one file per UTC month under {@code dir/panel_report}, {@code
     * dir/panel_alarm}.
     */
    long[] write(Path dir) {
        Path reports = dir.resolve("panel_report");
        Path alarms = dir.resolve("panel_alarm");
        try {
            Files.createDirectories(reports);
            Files.createDirectories(alarms);
            BufferedWriter[] reportFiles = new BufferedWriter[12];
            BufferedWriter[] alarmFiles = new BufferedWriter[12];
            for (int m = 0; m < 12; m++) {
                String name = String.format("2025-%02d.json", m + 1);
                reportFiles[m] =
                        Files.newBufferedWriter(reports.resolve(name), StandardCharsets.UTF_8);
                alarmFiles[m] =
                        Files.newBufferedWriter(alarms.resolve(name), StandardCharsets.UTF_8);
            }
            long[] counts = new long[2];
            int[] monthOfHour = new int[HOURS];
            for (int h = 0; h < HOURS; h++) {
                monthOfHour[h] =
                        FROM.plus(h, ChronoUnit.HOURS).atZone(ZoneId.of("UTC")).getMonthValue() - 1;
            }
            generate(
                    new Rows() {
                        @Override
                        public void report(int hour, String json) throws IOException {
                            BufferedWriter w = reportFiles[monthOfHour[hour]];
                            w.write(json);
                            w.write('\n');
                            counts[0]++;
                        }

                        @Override
                        public void alarm(int hour, String json) throws IOException {
                            BufferedWriter w = alarmFiles[monthOfHour[hour]];
                            w.write(json);
                            w.write('\n');
                            counts[1]++;
                        }
                    });
            for (int m = 0; m < 12; m++) {
                reportFiles[m].close();
                alarmFiles[m].close();
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the year under " + dir, e);
        }
    }

    /** Generates every row, panel by panel (a panel's rows in time order). */
    void generate(Rows out) throws IOException {
        Calendar madrid = new Calendar(MADRID, 12.25);
        Calendar canary = new Calendar(CANARY, 13.05);
        // Cloudiness per postal code and day: 0 (overcast) to 1 (clear), from the seed.
        Random weather = new Random(seed * 31 + 7);
        double[][] clear = new double[postalCodes.size()][366];
        for (double[] days : clear) {
            for (int d = 0; d < days.length; d++) {
                double x = weather.nextDouble();
                days[d] = x < 0.15 ? 0.15 + 0.3 * x : 0.75 + 0.25 * weather.nextDouble();
            }
        }
        double[] power = new double[HOURS];
        StringBuilder row = new StringBuilder(900);
        for (Panel p : panels) {
            Random r = new Random(seed ^ p.id().hashCode());
            Calendar cal = p.client().zone().equals(CANARY) ? canary : madrid;
            int postal = postalCodes.indexOf(p.client().postalCode());
            for (int h = 0; h < HOURS; h++) {
                power[h] =
                        round(
                                MODEL_WP[p.model()]
                                        * p.efficiency()
                                        * sun(cal.solarHour[h], cal.dayOfYear[h])
                                        * clear[postal][cal.dayOfYear[h] - 1]
                                        * (0.95 + 0.1 * r.nextDouble()));
            }
            double acumDay = 0;
            double acumMonth = 0;
            double acumQuarter = 0;
            double acumHalf = 0;
            double acumYear = 0;
            double trouble = p.troubled() ? 10 : 1;
            for (int h = 0; h < HOURS; h++) {
                if (h == 0 || cal.day[h] != cal.day[h - 1]) {
                    acumDay = 0;
                }
                if (h == 0 || cal.month[h] != cal.month[h - 1]) {
                    acumMonth = 0;
                }
                if (h == 0 || cal.quarter[h] != cal.quarter[h - 1]) {
                    acumQuarter = 0;
                }
                if (h == 0 || cal.half[h] != cal.half[h - 1]) {
                    acumHalf = 0;
                }
                // The local year 2025 starts an hour (Madrid) or none (Canary) after 00:00 UTC.
                if (h == 0 || cal.day[h] / 1000 != cal.day[h - 1] / 1000) {
                    acumYear = 0;
                }
                double pg = power[h];
                int samples = 60;
                double coverage = 1.0;
                double gapFilled = 0.0;
                int resets = 0;
                int glitches = 0;
                double roll = r.nextDouble();
                if (roll < 0.004 * trouble) {
                    coverage = round(0.2 + 0.75 * r.nextDouble());
                    samples = (int) Math.round(60 * coverage);
                    gapFilled = pg > 0 ? round(pg * (1 - coverage)) : 0.0;
                } else if (roll < 0.0042 * trouble) {
                    resets = 1;
                } else if (roll < 0.0047 * trouble) {
                    glitches = 1 + r.nextInt(2);
                }
                acumDay = round(acumDay + pg);
                acumMonth = round(acumMonth + pg);
                acumQuarter = round(acumQuarter + pg);
                acumHalf = round(acumHalf + pg);
                acumYear = round(acumYear + pg);
                String ts = FROM.plus(h, ChronoUnit.HOURS).toString();
                row.setLength(0);
                row.append("{\"timestamp\":\"").append(ts).append('"');
                device(row, p);
                row.append(",\"power_gen\":").append(pg);
                diff(row, "diff_last_hour", pg, power, h - 1);
                diff(row, "diff_last_day", pg, power, cal.lastDay[h]);
                diff(row, "diff_last_month", pg, power, cal.lastMonth[h]);
                diff(row, "diff_last_quar", pg, power, cal.lastQuarter[h]);
                diff(row, "diff_last_six", pg, power, cal.lastSix[h]);
                diff(row, "diff_last_year", pg, power, -1);
                row.append(",\"acum_day\":").append(acumDay);
                row.append(",\"acum_month\":").append(acumMonth);
                row.append(",\"acum_quarter\":").append(acumQuarter);
                row.append(",\"acum_semestre\":").append(acumHalf);
                row.append(",\"acum_year\":").append(acumYear);
                row.append(",\"timezone\":\"").append(p.client().zone().getId()).append('"');
                row.append(",\"samples\":").append(samples);
                row.append(",\"coverage\":").append(coverage);
                row.append(",\"gap_filled_wh\":").append(gapFilled);
                row.append(",\"counter_resets\":").append(resets);
                row.append(",\"counter_glitches\":").append(glitches);
                row.append('}');
                out.report(h, row.toString());
                // Under-production: a daylight hour now and then well below the expectation.
                if (pg > 20 && r.nextDouble() < 0.01 * trouble) {
                    double expected = round(pg / (0.2 + 0.45 * r.nextDouble()));
                    row.setLength(0);
                    row.append("{\"timestamp\":\"").append(ts).append('"');
                    device(row, p);
                    row.append(",\"power_low\":").append(round(expected - pg));
                    row.append(",\"text_alarm\":\"under-production: ")
                            .append(pg)
                            .append(" Wh of ")
                            .append(expected)
                            .append(" Wh expected\"}");
                    out.alarm(h, row.toString());
                }
            }
        }
    }

    private static void device(StringBuilder row, Panel p) {
        Client c = p.client();
        row.append(",\"panel_id\":\"").append(p.id()).append('"');
        row.append(",\"client_id\":\"").append(c.id()).append('"');
        row.append(",\"address\":\"").append(c.address()).append('"');
        row.append(",\"postal_code\":\"").append(c.postalCode()).append('"');
        row.append(",\"name\":\"").append(c.name()).append('"');
        row.append(",\"apell_1\":\"").append(c.apell1()).append('"');
        row.append(",\"apell_2\":\"").append(c.apell2()).append('"');
        row.append(",\"model\":\"").append(MODELS[p.model()]).append('"');
        row.append(",\"manufacture_date\":\"").append(p.manufactured()).append('"');
        row.append(",\"install_date\":\"").append(p.installed()).append('"');
    }

    /** {@code pg} minus the reference hour's energy; null when the reference is not stored. */
    private static void diff(StringBuilder row, String name, double pg, double[] power, int ref) {
        row.append(",\"").append(name).append("\":");
        if (ref < 0) {
            row.append("null");
        } else {
            row.append(round(pg - power[ref]));
        }
    }

    /** Clear-sky share of the peak at {@code hoursFromNoon}, for a latitude of about 40°. */
    static double sun(double hoursFromNoon, int dayOfYear) {
        double season = Math.sin(2 * Math.PI * (dayOfYear - 80) / 365.0);
        double halfDay = 6 + 1.6 * season;
        if (Math.abs(hoursFromNoon) >= halfDay) {
            return 0;
        }
        double height = Math.cos(Math.PI / 2 * hoursFromNoon / halfDay);
        return Math.pow(height, 1.3) * (0.78 + 0.2 * season);
    }

    private static double round(double wh) {
        return Math.round(wh * 1000) / 1000.0;
    }

    /** Writes the year of {@code args[0]} panels into {@code args[1]} (before a benchmark). */
    public static void main(String[] args) {
        new YearOfReports(Integer.parseInt(args[0]), 300, 2025).writeOnce(Path.of(args[1]));
    }

    /** Writes the year into {@code dir} unless a complete one is there ({@code _DONE}). */
    void writeOnce(Path dir) {
        Path done = dir.resolve("_DONE");
        if (Files.exists(done)) {
            return;
        }
        long t0 = System.nanoTime();
        long[] rows = write(dir);
        try {
            Files.writeString(done, rows[0] + " " + rows[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        "BENCH generated %,d panel_report and %,d panel_alarm rows in %.1f s under"
                                + " %s",
                        rows[0], rows[1], (System.nanoTime() - t0) / 1e9, dir));
    }

    static String[] models() {
        return MODELS.clone();
    }
}
