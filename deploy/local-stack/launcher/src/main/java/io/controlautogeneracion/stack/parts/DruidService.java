package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Probes;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.Templates;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Apache Druid 33 service (coordinator acting as overlord, broker, historical or indexer) on
 * its own JVM, configured from the templates in {@code druid/local-cluster/}.
 */
public final class DruidService implements Part {
    private final String service;

    public DruidService(String service) {
        this.service = service;
    }

    public static List<DruidService> all() {
        return List.of(
                new DruidService("coordinator"),
                new DruidService("historical"),
                new DruidService("indexer"),
                new DruidService("broker"));
    }

    @Override
    public String name() {
        return "druid-" + service;
    }

    private String key() {
        return "druid." + service;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return service.equals("coordinator")
                ? List.of(ctx.config().port(key()), ctx.config().port("druid.derby"))
                : List.of(ctx.config().port(key()));
    }

    private static Path confDir(StackContext ctx) {
        return ctx.dataDir().resolve("druid").resolve("conf");
    }

    /** Renders the common and the service's own runtime properties. */
    @Override
    public void prepare(StackContext ctx) throws IOException {
        Path templates = ProjectLayout.druidDir(ctx.config().projectDir()).resolve("local-cluster");
        Map<String, String> values = new HashMap<>(ctx.config().asMap());
        values.put("data", ctx.partDir("druid").toString());
        for (String dir : List.of("_common", service)) {
            Path out = Files.createDirectories(confDir(ctx).resolve(dir));
            try (var files = Files.list(templates.resolve(dir))) {
                for (Path template : files.toList()) {
                    String rendered =
                            Templates.render(
                                    Files.readString(template), values, template.toString());
                    Files.writeString(out.resolve(template.getFileName()), rendered);
                }
            }
        }
        Files.createDirectories(ctx.dataDir().resolve("druid").resolve("tmp"));
    }

    @Override
    public List<String> command(StackContext ctx) {
        Path conf = confDir(ctx);
        String classpath =
                conf.resolve("_common")
                        + File.pathSeparator
                        + conf.resolve(service)
                        + File.pathSeparator
                        + ProjectLayout.engineClasspath(ctx.config().projectDir(), "druid");
        return JavaCommand.using(ctx, name())
                .heap(ctx.config().heap(key()))
                .jvm("-XX:MaxDirectMemorySize=" + ctx.config().get("druid.direct.memory"))
                .jvmFlags(ctx.config().get(key() + ".jvm.flags"))
                .jvm(
                        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                        "--add-opens=java.base/java.nio=ALL-UNNAMED",
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
                        "--add-opens=java.base/java.io=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED")
                .property("user.timezone", "UTC")
                .property("file.encoding", "UTF-8")
                .property("java.io.tmpdir", ctx.dataDir().resolve("druid").resolve("tmp"))
                .property("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager")
                .property("log4j.configurationFile", conf.resolve("_common").resolve("log4j2.xml"))
                .property("druid.node.type", service)
                .classpath(classpath)
                .main("org.apache.druid.cli.Main", "server", service)
                .build();
    }

    /**
     * The Kafka security settings of the Druid supervisors, which the specs of {@code
     * druid/supervisors/} read through Druid's environment config provider: the protocol, the
     * mechanism, and each supervisor user's JAAS line ({@code DRUID_WIND_READING_KAFKA_JAAS}, …;
     * empty with security off). Every variable a spec names must be set, or Druid refuses it.
     */
    @Override
    public Map<String, String> environment(StackContext ctx) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_SECURITY_PROTOCOL", KafkaSecurity.protocol(ctx));
        env.put("KAFKA_SASL_MECHANISM", KafkaSecurity.MECHANISM);
        for (String principal :
                KafkaSecurity.principals(KafkaSecurity.rules(ctx.config().projectDir()))) {
            if (principal.startsWith("druid-")) {
                env.put(jaasVariable(principal), KafkaSecurity.jaas(ctx, principal));
            }
        }
        return env;
    }

    /** The environment variable that holds a Druid user's JAAS line. */
    public static String jaasVariable(String principal) {
        return principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_KAFKA_JAAS";
    }

    public static String url(StackContext ctx, String service) {
        return "http://" + ctx.host() + ":" + ctx.config().port("druid." + service);
    }

    /**
     * Alive is not enough: the coordinator must lead (and so accept tasks and supervisors as the
     * overlord), the broker and historical must have loaded their view of the segments.
     */
    @Override
    public boolean healthy(StackContext ctx) {
        String base = url(ctx, service);
        if (!"true".equals(Probes.httpGet(base + "/status/health", null, null))) {
            return false;
        }
        return switch (service) {
            case "coordinator" ->
                    Probes.httpGet(base + "/druid/coordinator/v1/isLeader", null, null) != null
                            && Probes.httpGet(base + "/druid/indexer/v1/isLeader", null, null)
                                    != null;
            case "broker" ->
                    Probes.httpGet(base + "/druid/broker/v1/readiness", null, null) != null;
            case "historical" ->
                    Probes.httpGet(base + "/druid/historical/v1/readiness", null, null) != null;
            default -> true;
        };
    }

    @Override
    public String endpoint(StackContext ctx) {
        return switch (service) {
            case "broker" -> "SQL " + url(ctx, service) + "/druid/v2/sql";
            case "coordinator" -> "API " + url(ctx, service) + " (coordinator and overlord)";
            default -> url(ctx, service);
        };
    }

    public String service() {
        return service;
    }
}
