package io.controlautogeneracion.catalog.store;

import io.controlautogeneracion.catalog.error.CatalogException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** ETag and If-Match: the document's CAS as a quoted string. */
public final class Etags {
    private Etags() {}

    /**
     * The CAS named by the If-Match header an update or delete must send (428 without it), so that
     * two editors never overwrite each other unknowingly; 0 (any version) for {@code *}, which says
     * so on purpose.
     */
    public static long cas(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw CatalogException.preconditionRequired();
        }
        if (ifMatch.trim().equals("*")) {
            return 0;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseUnsignedLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw CatalogException.badRequest("If-Match must be an ETag of this service");
        }
    }

    public static Response ok(Versioned<?> doc) {
        return Response.ok(doc.value()).header("ETag", doc.etag()).build();
    }

    /** 200 with the document and its ETag, or 404 naming {@code key}. */
    public static Response found(Optional<? extends Versioned<?>> doc, String key) {
        return ok(doc.orElseThrow(() -> CatalogException.notFound(key)));
    }

    /** 201 with the new document, its location and ETag. */
    public static Response created(String location, Versioned<?> doc) {
        return Response.created(URI.create(location))
                .entity(doc.value())
                .header("ETag", doc.etag())
                .build();
    }

    public static String tag(long cas) {
        return "\"" + Long.toUnsignedString(cas) + "\"";
    }
}
