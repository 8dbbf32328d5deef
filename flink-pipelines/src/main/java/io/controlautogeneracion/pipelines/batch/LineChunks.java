package io.controlautogeneracion.pipelines.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Landed files read as chunks of whole lines: each record is up to {@code chunkBytes} of a file's
 * bytes cut after its last line end, and {@link #lines} splits a chunk into the lines Flink's text
 * line format would give (UTF-8; a line ends at {@code \n}, {@code \r} or {@code \r\n}; malformed
 * bytes read as U+FFFD). A back-fill reads hundreds of millions of lines: one record per chunk
 * instead of one per line spares the source's per-record work, and a line of ASCII (nearly all of
 * them) becomes a string by a copy of its bytes, with no decoding into characters and back.
 */
public final class LineChunks extends SimpleStreamFormat<byte[]> {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_CHUNK_BYTES = 256 * 1024;

    private final int chunkBytes;

    public LineChunks() {
        this(DEFAULT_CHUNK_BYTES);
    }

    /**
     * @param chunkBytes the bytes read at a time (a longer line makes its chunk longer)
     */
    LineChunks(int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunks of at least one byte: " + chunkBytes);
        }
        this.chunkBytes = chunkBytes;
    }

    @Override
    public StreamFormat.Reader<byte[]> createReader(
            Configuration config, FSDataInputStream stream) {
        return new Reader(stream, chunkBytes);
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }

    /** Hands each line of {@code chunk} to {@code out}, in order. */
    public static void lines(byte[] chunk, Consumer<String> out) {
        int start = 0;
        boolean ascii = true;
        for (int i = 0; i < chunk.length; i++) {
            byte b = chunk[i];
            if (b == '\n' || b == '\r') {
                out.accept(text(chunk, start, i, ascii));
                if (b == '\r' && i + 1 < chunk.length && chunk[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
                ascii = true;
            } else if (b < 0) {
                ascii = false;
            }
        }
        if (start < chunk.length) {
            out.accept(text(chunk, start, chunk.length, ascii));
        }
    }

    private static String text(byte[] chunk, int from, int to, boolean ascii) {
        return new String(
                chunk,
                from,
                to - from,
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The chunks of one file. */
    private static final class Reader implements StreamFormat.Reader<byte[]> {
        private final InputStream in;
        private byte[] buffer;
        private int held;
        private boolean ended;

        Reader(InputStream in, int chunkBytes) {
            this.in = in;
            this.buffer = new byte[chunkBytes];
        }

        @Override
        public byte[] read() throws IOException {
            while (true) {
                while (!ended && held < buffer.length) {
                    int n = in.read(buffer, held, buffer.length - held);
                    if (n < 0) {
                        ended = true;
                    } else {
                        held += n;
                    }
                }
                if (held == 0) {
                    return null;
                }
                int cut = ended ? held : afterLastNewline();
                if (cut == 0) {
                    // A full buffer without a line end: a line longer than a chunk.
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    continue;
                }
                byte[] chunk = Arrays.copyOf(buffer, cut);
                System.arraycopy(buffer, cut, buffer, 0, held - cut);
                held -= cut;
                return chunk;
            }
        }

        /** The index after the last {@code \n} held, or 0 when there is none. */
        private int afterLastNewline() {
            for (int i = held - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    return i + 1;
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
