package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One of the project's Quarkus services, run from its module's {@code target/quarkus-app} in JVM
 * mode, configured through environment variables; healthy when its readiness check passes.
 */
public final class QuarkusService implements Part {
    private final String name;
    private final String module;
    private final String key;
    private final Function<StackContext, Map<String, String>> settings;

    /**
     * @param name the part's name
     * @param module the Maven module directory, relative to the project
     * @param key the settings prefix in the stack configuration ({@code <key>.port}, {@code
     *     <key>.heap})
     * @param settings the service's environment, derived from the stack (addresses, credentials)
     */
    public QuarkusService(
            String name,
            String module,
            String key,
            Function<StackContext, Map<String, String>> settings) {
        this.name = name;
        this.module = module;
        this.key = key;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port(key));
    }

    private Path jar(StackContext ctx) {
        Path jar =
                ctx.config()
                        .projectDir()
                        .resolve(module)
                        .resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(
                    jar + " is missing: build the project first (./mvnw -B install -DskipTests)");
        }
        return jar;
    }

    /**
     * The module's own JVM options ({@code <module>/jvm.options}, as deployed) when it has them,
     * else the stack's heap setting and the serial collector.
     */
    @Override
    public List<String> command(StackContext ctx) {
        JavaCommand command = JavaCommand.using(ctx, name);
        Path options = ctx.config().projectDir().resolve(module).resolve("jvm.options");
        if (Files.isRegularFile(options)) {
            command.jvm("@" + options);
        } else {
            command.heap(ctx.config().heap(key)).jvm("-XX:+UseSerialGC");
        }
        return command.jar(jar(ctx).toString()).build();
    }

    @Override
    public Map<String, String> environment(StackContext ctx) {
        Map<String, String> env = new HashMap<>(settings.apply(ctx));
        env.put("QUARKUS_HTTP_HOST", ctx.host());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ctx.config().port(key)));
        return env;
    }

    public String url(StackContext ctx) {
        return "http://" + ctx.host() + ":" + ctx.config().port(key);
    }

    @Override
    public boolean healthy(StackContext ctx) {
        return Probes.httpGet(url(ctx) + "/q/health/ready", null, null) != null;
    }

    @Override
    public String endpoint(StackContext ctx) {
        return url(ctx) + " (OpenAPI " + url(ctx) + "/q/openapi)";
    }
}
