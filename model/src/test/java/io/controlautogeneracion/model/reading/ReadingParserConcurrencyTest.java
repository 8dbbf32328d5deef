package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadingParserConcurrencyTest {

    @Test
    void shouldGiveEachThreadTheSameResultsAsOneThread() throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String lux = i % 5 == 0 ? "-" + (i + 1) : Integer.toString(i * 500);
            payloads.add(
                    ("{\"light_id\":\"L-"
                                    + i
                                    + "\",\"timestamp\":\"2026-11-28T12:"
                                    + String.format("%02d", i % 60)
                                    + ":00Z\",\"lux\":"
                                    + lux
                                    + "}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        List<ParseResult> expected = parseAll(payloads);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParseResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<ParseResult>> task = () -> parseAll(payloads);
                futures.add(pool.submit(task));
            }
            for (Future<List<ParseResult>> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected)
                .filteredOn(r -> r instanceof ParseResult.Invalid)
                .hasSize(100 + 80); // negatives, and lux above 200000 for i in 401..499
    }

    private static List<ParseResult> parseAll(List<byte[]> payloads) {
        List<ParseResult> results = new ArrayList<>();
        for (byte[] payload : payloads) {
            results.add(ReadingParserTest.PARSER.parse(DeviceKind.LIGHT, payload));
        }
        return results;
    }
}
