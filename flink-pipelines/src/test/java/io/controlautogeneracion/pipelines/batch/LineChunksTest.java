package io.controlautogeneracion.pipelines.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.local.LocalDataInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineChunks} against the truth it replaces, Flink's own text line format over the same
 * file: the same lines in the same order, whatever the chunk size, for line ends of every kind,
 * multi-byte and malformed UTF-8, lines longer than a chunk, and random bytes.
 */
class LineChunksTest {
    private static final int[] CHUNKS = {1, 2, 3, 7, 64, 256 * 1024};

    @TempDir Path dir;

    @Test
    void shouldGiveTheLinesFlinksTextFormatGives() throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (String s :
                List.of(
                        "",
                        "\n",
                        "\n\n",
                        "a",
                        "a\n",
                        "a\r\nb\rc\n\nd",
                        "\r",
                        "\r\r\n",
                        "{\"panel_id\":\"P-1\",\"power_w\":1}\n{\"panel_id\":\"Ñandú €\"}\n",
                        "x".repeat(1000) + "\n" + "y".repeat(999))) {
            contents.add(s.getBytes(StandardCharsets.UTF_8));
        }
        contents.add(
                new byte[] {'a', (byte) 0xC3, '\n', (byte) 0xFF, 'b', (byte) 0xE2, (byte) 0x82});
        for (byte[] content : contents) {
            for (int chunk : CHUNKS) {
                assertThat(chunked(content, chunk))
                        .as(
                                "%s in chunks of %d",
                                new String(content, StandardCharsets.UTF_8), chunk)
                        .containsExactlyElementsOf(flinkLines(content));
            }
        }
    }

    @Test
    void shouldAgreeOnRandomBytes() throws IOException {
        byte[] alphabet = {'a', 'b', '\n', '\r', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '{'};
        Random random = new Random(42);
        for (int n = 0; n < 300; n++) {
            byte[] content = new byte[random.nextInt(200)];
            for (int i = 0; i < content.length; i++) {
                content[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int chunk = CHUNKS[random.nextInt(CHUNKS.length)];
            assertThat(chunked(content, chunk))
                    .as("case %d in chunks of %d", n, chunk)
                    .containsExactlyElementsOf(flinkLines(content));
        }
    }

    @Test
    void shouldAgreeOnLongRunsOfAsciiWithRareLineEndsAndBytesBeyondIt() throws IOException {
        // Landed files are nearly all ASCII: the bytes that matter fall anywhere in long runs of
        // it, and at the ends of chunks.
        byte[] rare = {'\n', '\r', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0xE2, 0};
        Random random = new Random(7);
        for (int n = 0; n < 400; n++) {
            byte[] content = new byte[random.nextInt(400)];
            for (int i = 0; i < content.length; i++) {
                content[i] =
                        random.nextInt(20) == 0
                                ? rare[random.nextInt(rare.length)]
                                : (byte) (' ' + random.nextInt(95));
            }
            int chunk = n % 2 == 0 ? 1 + random.nextInt(40) : CHUNKS[CHUNKS.length - 1];
            assertThat(chunked(content, chunk))
                    .as("case %d in chunks of %d", n, chunk)
                    .containsExactlyElementsOf(flinkLines(content));
        }
    }

    @Test
    void shouldCutChunksOnlyAfterALineEnd() throws IOException {
        byte[] content = "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8);
        List<String> chunks = new ArrayList<>();
        try (StreamFormat.Reader<byte[]> reader = reader(new LineChunks(9), content)) {
            for (byte[] c = reader.read(); c != null; c = reader.read()) {
                chunks.add(new String(c, StandardCharsets.UTF_8));
            }
        }
        assertThat(chunks).containsExactly("one\ntwo\n", "three\n");
    }

    private List<String> chunked(byte[] content, int chunkBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (StreamFormat.Reader<byte[]> reader = reader(new LineChunks(chunkBytes), content)) {
            for (byte[] c = reader.read(); c != null; c = reader.read()) {
                LineChunks.lines(c, lines::add);
            }
        }
        return lines;
    }

    private List<String> flinkLines(byte[] content) throws IOException {
        List<String> lines = new ArrayList<>();
        try (StreamFormat.Reader<String> reader = reader(new TextLineInputFormat(), content)) {
            for (String line = reader.read(); line != null; line = reader.read()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private <T> StreamFormat.Reader<T> reader(StreamFormat<T> format, byte[] content)
            throws IOException {
        Path file = Files.createTempFile(dir, "lines", ".json");
        Files.write(file, content);
        return format.createReader(
                new Configuration(),
                new LocalDataInputStream(file.toFile()),
                Files.size(file),
                Files.size(file));
    }
}
