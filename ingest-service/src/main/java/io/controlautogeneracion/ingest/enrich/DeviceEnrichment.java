package io.controlautogeneracion.ingest.enrich;

import io.controlautogeneracion.model.catalog.DeviceHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the documents of one device must carry, through time: the catalog's {@link DeviceHistory}
 * cut into pieces by the model's one rule of "the relation valid at event time", neighbouring
 * pieces with the same enrichment merged, and a fingerprint of the whole ({@link #viewRev()}) that
 * changes whenever any document of the device would change.
 */
public final class DeviceEnrichment {

    /** The enrichment of the documents whose event time is in {@code [from, to)} (null: open). */
    public record Piece(Instant from, Instant to, StretchEnrichment enrichment) {
        public boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    private final List<Piece> pieces;
    private final String viewRev;
    // DeviceViews.changes() when this view was last recorded as stored; -1: never.
    private volatile long recordedAt = -1;

    private DeviceEnrichment(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
        List<String> parts = new ArrayList<>();
        for (Piece piece : pieces) {
            parts.add(piece.from() == null ? null : piece.from().toString());
            parts.add(piece.enrichment().rev());
        }
        this.viewRev = StretchEnrichment.Fingerprint.of(parts.toArray(String[]::new));
    }

    public static DeviceEnrichment of(DeviceHistory history) {
        List<Piece> pieces = new ArrayList<>();
        for (DeviceHistory.Stretch stretch : history.stretches()) {
            StretchEnrichment enrichment = StretchEnrichment.of(stretch.enrichment());
            int last = pieces.size() - 1;
            if (last >= 0 && pieces.get(last).enrichment().equals(enrichment)) {
                Piece previous = pieces.remove(last);
                pieces.add(new Piece(previous.from(), stretch.to(), enrichment));
            } else {
                pieces.add(new Piece(stretch.from(), stretch.to(), enrichment));
            }
        }
        return new DeviceEnrichment(pieces);
    }

    /** The enrichment of a document whose event time is {@code at}. */
    public StretchEnrichment at(Instant at) {
        for (Piece piece : pieces) {
            if (piece.contains(at)) {
                return piece.enrichment();
            }
        }
        // The pieces cover all time; this is only reached should that ever change.
        throw new IllegalStateException("no piece of the device's enrichment covers " + at);
    }

    public List<Piece> pieces() {
        return pieces;
    }

    public String viewRev() {
        return viewRev;
    }

    /**
     * Records that documents were stored with this view, in {@code views}, unless it was recorded
     * already and the views have not changed since: once per device and view rather than once per
     * batch.
     */
    public void storedAs(DeviceKey device, DeviceViews views) {
        long changes = views.changes();
        if (recordedAt != changes) {
            views.storedWith(device, viewRev);
            recordedAt = changes;
        }
    }
}
