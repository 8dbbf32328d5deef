package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.standin.MongoStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The MongoDB stand-in (mongo-java-server) on its own JVM; its data under the part's directory
 * ({@code store/} for the rocksdb backend, {@code mongo.h2} for h2).
 */
public final class MongoStandInPart implements Part {
    public static final String NAME = "mongodb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port("mongo"));
    }

    @Override
    public List<String> command(StackContext ctx) {
        return JavaCommand.using(ctx, NAME)
                .heap(ctx.config().heap("mongo"))
                .jvm("-XX:+UseSerialGC")
                .simpleLoggerTimes()
                .jvm("-Dmongo.oplog=" + ctx.config().get("mongo.oplog"))
                .classpath(ProjectLayout.launcherClasspath(ctx.config().projectDir()))
                .main(
                        MongoStandIn.class.getName(),
                        ctx.host(),
                        Integer.toString(ctx.config().port("mongo")),
                        ctx.config().get("mongo.backend"),
                        dataPath(ctx).toString())
                .build();
    }

    /**
     * RocksDB's native library is unpacked under the part's directory, under one name, instead of a
     * new temporary file at each start (which a kill -9 would leave behind).
     */
    @Override
    public Map<String, String> environment(StackContext ctx) {
        return Map.of("ROCKSDB_SHAREDLIB_DIR", ctx.partDir(NAME).resolve("lib").toString());
    }

    /** Where the backend keeps its data. */
    public static Path dataPath(StackContext ctx) {
        String backend = ctx.config().get("mongo.backend");
        return ctx.partDir(NAME).resolve(backend.startsWith("h2") ? "mongo.h2" : "store");
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return Probes.listening(ctx.host(), ctx.config().port("mongo"));
    }

    public static String connectionString(StackContext ctx) {
        return "mongodb://" + ctx.host() + ":" + ctx.config().port("mongo");
    }

    @Override
    public String endpoint(StackContext ctx) {
        return connectionString(ctx)
                + " (stand-in, "
                + ctx.config().get("mongo.backend")
                + " backend)";
    }
}
