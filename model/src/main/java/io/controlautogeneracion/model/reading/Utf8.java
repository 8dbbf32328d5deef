package io.controlautogeneracion.model.reading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 validation of a payload: overlong forms, encoded surrogates and truncated sequences
 * are errors, as the JDK's decoder judges them. The caller scans the ASCII start itself.
 */
final class Utf8 {

    private Utf8() {}

    /**
     * The offset of the first byte that is not well-formed UTF-8, or -1 when all are; the bytes
     * before {@code from} are known to be ASCII.
     */
    static int firstMalformed(byte[] bytes, int from) {
        int start = from;
        while (start < bytes.length && bytes[start] >= 0) {
            start++;
        }
        if (start == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
            return in.position();
        }
        return -1;
    }
}
