package io.controlautogeneracion.ingest.api;

import io.controlautogeneracion.ingest.store.MessageRepository;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of stored readings starts: the sort key (event time, partition, offset) of
 * the last reading of the page before, as an opaque token. A page that follows a cursor is read
 * from the index where the previous one ended, however deep, instead of skipping every reading
 * before it.
 */
final class PageCursor {
    private PageCursor() {}

    static String encode(MessageRepository.SortKey key) {
        String raw = key.eventTimeMillis() + ":" + key.partition() + ":" + key.offset();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static MessageRepository.SortKey decode(String token) {
        try {
            String raw =
                    new String(
                            Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(raw);
            }
            return new MessageRepository.SortKey(
                    Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "'after' is not a cursor of this API: pass the 'next' of the page before");
        }
    }
}
