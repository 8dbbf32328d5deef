package io.controlautogeneracion.ingest.api;

import com.mongodb.MongoException;
import io.controlautogeneracion.ingest.store.StoreErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A query the message store could not answer: when the store as a whole failed (unreachable, a
 * query over its time limit, a read timed out; see {@link StoreErrors}) the caller is told 503 with
 * the reason and when to try again, and one line is logged; any other failure of the store is a 500
 * with its reason, logged with its trace.
 */
@Provider
public class StoreFailureMapper implements ExceptionMapper<MongoException> {

    private static final Logger LOG = Logger.getLogger(StoreFailureMapper.class);

    /** Seconds after which a caller answered 503 may ask again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Context UriInfo uri;

    @Override
    public Response toResponse(MongoException e) {
        String path = uri == null ? null : uri.getPath();
        if (StoreErrors.storeWide(e)) {
            LOG.warnf("%s answered 503, the message store did not answer: %s", path, e.toString());
            return Problem.response(
                            503,
                            "Message store unavailable",
                            "The message store did not answer the query in time ("
                                    + e.getClass().getSimpleName()
                                    + "); try again later or ask for a narrower range",
                            path)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "%s failed in the message store", path);
        return Problem.response(
                        500,
                        "Message store failure",
                        "The message store refused the query: " + e.getMessage(),
                        path)
                .build();
    }
}
