package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import java.util.List;

/** The Couchbase stand-in (CouchbaseMock) with the catalog bucket, on its own JVM. */
public final class CouchbaseStandInPart implements Part {
    public static final String NAME = "couchbase";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port("couchbase"), ctx.config().port("couchbase.kv"));
    }

    @Override
    public List<String> command(StackContext ctx) {
        return JavaCommand.using(ctx, NAME)
                .heap(ctx.config().heap("couchbase"))
                .jvm("-XX:+UseSerialGC")
                .simpleLoggerTimes()
                .classpath(ProjectLayout.launcherClasspath(ctx.config().projectDir()))
                .main(
                        CouchbaseStandIn.class.getName(),
                        ctx.host(),
                        Integer.toString(ctx.config().port("couchbase")),
                        Integer.toString(ctx.config().port("couchbase.kv")),
                        ctx.config().get("couchbase.bucket"),
                        ctx.config().get("couchbase.password"))
                .build();
    }

    @Override
    public boolean healthy(StackContext ctx) {
        String bucket = ctx.config().get("couchbase.bucket");
        String url =
                "http://"
                        + ctx.host()
                        + ":"
                        + ctx.config().port("couchbase")
                        + "/pools/default/buckets/"
                        + bucket;
        return Probes.listening(ctx.host(), ctx.config().port("couchbase.kv"))
                && Probes.httpGet(url, bucket, ctx.config().get("couchbase.password")) != null;
    }

    /**
     * The connection string the Couchbase SDK needs for the stand-in (explicit kv and manager
     * ports).
     */
    public static String connectionString(StackContext ctx) {
        return "couchbase://"
                + ctx.host()
                + ":"
                + ctx.config().port("couchbase.kv")
                + "=kv,"
                + ctx.host()
                + ":"
                + ctx.config().port("couchbase")
                + "=manager";
    }

    @Override
    public String endpoint(StackContext ctx) {
        return connectionString(ctx)
                + " bucket "
                + ctx.config().get("couchbase.bucket")
                + " (stand-in)";
    }
}
