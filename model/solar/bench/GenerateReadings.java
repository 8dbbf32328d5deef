import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Benchmark input for the site survey: a year of 1-minute light-sensor readings (timestamp,lux)
 * with a clear-sky sun (Cooper declination, Spencer equation of time, Haurwitz GHI) dimmed by
 * seeded random clouds. Independent of the module's code on purpose. Run with the java launcher:
 * java GenerateReadings.java OUT.csv [YEAR] [LAT] [LON]
 */
public class GenerateReadings {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2025;
        double lat = Math.toRadians(args.length > 2 ? Double.parseDouble(args[2]) : 40.4);
        double lon = args.length > 3 ? Double.parseDouble(args[3]) : -3.7;
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse(year + "-01-01T00:00:00Z");
        Instant end = Instant.parse((year + 1) + "-01-01T00:00:00Z");
        double cloud = 0.8;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("timestamp,lux\n");
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
                var utc = t.atOffset(ZoneOffset.UTC);
                double g = 2 * Math.PI * (utc.getDayOfYear() - 1) / 365.0;
                double decl = Math.toRadians(23.45) * Math.sin(2 * Math.PI * (284 + utc.getDayOfYear()) / 365.0);
                double eot = 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g)
                        - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
                double minutes = utc.getHour() * 60 + utc.getMinute() + 4 * lon + eot;
                double hourAngle = Math.toRadians(minutes / 4.0 - 180);
                double cosZ = Math.sin(lat) * Math.sin(decl)
                        + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
                double ghi = cosZ > 0 ? 1098 * cosZ * Math.exp(-0.059 / cosZ) : 0;
                // Clouds drift slowly (a random walk in [0.2, 1]) with minute-scale flicker.
                cloud = Math.max(0.2, Math.min(1.0, cloud + (random.nextDouble() - 0.5) * 0.04));
                double flicker = 1 - 0.1 * random.nextDouble();
                long lux = Math.round(ghi * cloud * flicker * 120);
                w.write(t.toString());
                w.write(',');
                w.write(Long.toString(lux));
                w.write('\n');
            }
        }
    }
}
