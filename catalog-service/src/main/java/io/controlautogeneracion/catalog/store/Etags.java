package io.controlautogeneracion.catalog.store;

import io.controlautogeneracion.catalog.error.CatalogException;
import jakarta.ws.rs.core.Response;

/** ETag and If-Match: the document's CAS as a quoted string. */
public final class Etags {
    private Etags() {}

    /** The CAS named by an If-Match header; 0 (any version) when there is none. */
    public static long cas(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
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

    public static String tag(long cas) {
        return "\"" + Long.toUnsignedString(cas) + "\"";
    }
}
