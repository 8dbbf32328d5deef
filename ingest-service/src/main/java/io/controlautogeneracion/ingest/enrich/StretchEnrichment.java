package io.controlautogeneracion.ingest.enrich;

import io.controlautogeneracion.ingest.store.BsonOutput;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.controlautogeneracion.model.catalog.EnrichmentStatus;
import io.controlautogeneracion.model.druid.Enrichment;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * The enrichment a stored document carries: the catalog columns, the status, and {@code rev}, a
 * fingerprint of both that tells the background pass whether a document already carries what the
 * catalog says now. A document stored while the catalog did not answer has no fingerprint. The
 * fields are encoded once and their bytes copied into each document; as a map they are made only
 * when asked for (the background pass's rewrites): the service keeps one of these per device and
 * stretch of its history, thousands, in the old generation.
 */
public final class StretchEnrichment {

    /** The catalog did not answer in time: empty columns, no fingerprint, enriched later. */
    public static final StretchEnrichment UNAVAILABLE =
            new StretchEnrichment(EnrichmentStatus.CATALOG_UNAVAILABLE, Enrichment.none(), null);

    private final EnrichmentStatus status;
    private final Enrichment columns;
    private final String rev;
    private final byte[] encoded;

    private StretchEnrichment(EnrichmentStatus status, Enrichment columns, String rev) {
        this.status = status;
        this.columns = columns;
        this.rev = rev;
        BsonOutput out = new BsonOutput(256);
        fieldMap().forEach((name, value) -> out.string(name, (String) value));
        this.encoded = out.toByteArray();
    }

    /** The fields, in the order they are stored. */
    private Map<String, Object> fieldMap() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(MessageDocuments.CLIENT_ID, columns.clientId());
        f.put(MessageDocuments.NAME, columns.name());
        f.put(MessageDocuments.APELL_1, columns.apell1());
        f.put(MessageDocuments.APELL_2, columns.apell2());
        f.put(MessageDocuments.ADDRESS, columns.address());
        f.put(MessageDocuments.POSTAL_CODE, columns.postalCode());
        f.put(MessageDocuments.MODEL, columns.model());
        f.put(MessageDocuments.MANUFACTURE_DATE, text(columns.manufactureDate()));
        f.put(MessageDocuments.INSTALL_DATE, text(columns.installDate()));
        f.put(MessageDocuments.ENRICHMENT_STATUS, status.column());
        f.put(MessageDocuments.ENRICHMENT_REV, rev);
        return f;
    }

    /** What the catalog's {@code enrichment} of a device at some instant puts in a document. */
    public static StretchEnrichment of(
            io.controlautogeneracion.model.catalog.Enrichment enrichment) {
        EnrichmentStatus status = EnrichmentStatus.of(enrichment);
        Enrichment columns = Enrichment.of(enrichment);
        return new StretchEnrichment(status, columns, fingerprint(status, columns));
    }

    public EnrichmentStatus status() {
        return status;
    }

    public Enrichment columns() {
        return columns;
    }

    public String rev() {
        return rev;
    }

    /** The document's fields, in the order they are stored. */
    public Document fields() {
        return new Document(fieldMap());
    }

    /** The fields as BSON elements, in the order they are stored, for a document to copy. */
    public byte[] encoded() {
        return encoded;
    }

    private static String fingerprint(EnrichmentStatus status, Enrichment c) {
        return Fingerprint.of(
                status.column(),
                c.clientId(),
                c.name(),
                c.apell1(),
                c.apell2(),
                c.address(),
                c.postalCode(),
                c.model(),
                text(c.manufactureDate()),
                text(c.installDate()));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StretchEnrichment other
                && status == other.status
                && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, columns);
    }

    @Override
    public String toString() {
        return "StretchEnrichment[" + status.column() + ", " + columns + ", rev " + rev + "]";
    }

    /** A 64-bit FNV-1a hash of a list of strings (nulls and boundaries told apart), in hex. */
    static final class Fingerprint {
        private static final long OFFSET = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;

        private Fingerprint() {}

        static String of(String... parts) {
            long hash = OFFSET;
            for (String part : parts) {
                if (part == null) {
                    hash = mix(hash, 0xff);
                } else {
                    for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                        hash = mix(hash, b & 0xff);
                    }
                }
                hash = mix(hash, 0xfe);
            }
            String hex = Long.toHexString(hash);
            return "0".repeat(16 - hex.length()) + hex;
        }

        private static long mix(long hash, int b) {
            return (hash ^ b) * PRIME;
        }
    }
}
