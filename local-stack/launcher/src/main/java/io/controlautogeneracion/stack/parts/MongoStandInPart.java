package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.standin.MongoStandIn;
import java.util.List;

/** The MongoDB stand-in (mongo-java-server) on its own JVM. */
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
                .classpath(ProjectLayout.launcherClasspath(ctx.config().projectDir()))
                .main(
                        MongoStandIn.class.getName(),
                        ctx.host(),
                        Integer.toString(ctx.config().port("mongo")),
                        ctx.config().get("mongo.backend"),
                        ctx.partDir(NAME).resolve("mongo.h2").toString())
                .build();
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
