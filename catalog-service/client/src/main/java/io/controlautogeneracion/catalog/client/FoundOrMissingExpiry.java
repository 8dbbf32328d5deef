package io.controlautogeneracion.catalog.client;

import com.github.benmanes.caffeine.cache.Expiry;
import java.util.Optional;

/**
 * Found documents live for the cache TTL, absent ones for the (shorter) missing TTL, a failed read
 * not at all.
 */
final class FoundOrMissingExpiry implements Expiry<String, Object> {
    private final long foundNanos;
    private final long missingNanos;

    FoundOrMissingExpiry(CatalogClientSettings settings) {
        this.foundNanos = settings.cacheTtl().toNanos();
        this.missingNanos = settings.missingTtl().toNanos();
    }

    @Override
    public long expireAfterCreate(String key, Object value, long currentTime) {
        if (value instanceof Optional<?> document) {
            return document.isPresent() ? foundNanos : missingNanos;
        }
        return 0;
    }

    @Override
    public long expireAfterUpdate(
            String key, Object value, long currentTime, long currentDuration) {
        return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Object value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
