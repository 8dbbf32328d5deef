package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.JavaCommand;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka 4.1 broker in KRaft mode (combined broker and controller), on its own JVM.
 */
public final class KafkaBroker implements Part {
    public static final String NAME = "kafka";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Integer> ports(StackContext ctx) {
        return List.of(ctx.config().port("kafka"), ctx.config().port("kafka.controller"));
    }

    public static String bootstrap(StackContext ctx) {
        return ctx.host() + ":" + ctx.config().port("kafka");
    }

    @Override
    public void prepare(StackContext ctx) throws IOException {
        KafkaStorage.prepare(ctx, ctx.partDir(NAME));
    }

    @Override
    public List<String> command(StackContext ctx) {
        return JavaCommand.using(ctx, NAME)
                .heap(ctx.config().heap("kafka"))
                .jvm(
                        "-Xms256m",
                        "-XX:+UseG1GC",
                        "-XX:MaxGCPauseMillis=20",
                        "-Djava.awt.headless=true")
                .property("log4j2.configurationFile", Resources.log4j(ctx))
                .property("kafka.logs.dir", ctx.logDir())
                .classpath(ProjectLayout.engineClasspath(ctx.config().projectDir(), "kafka"))
                .main(
                        "kafka.Kafka",
                        ctx.dataDir().resolve(NAME).resolve("server.properties").toString())
                .build();
    }

    @Override
    public boolean healthy(StackContext ctx) {
        if (!io.controlautogeneracion.stack.Probes.listening(
                ctx.host(), ctx.config().port("kafka"))) {
            return false;
        }
        try (Admin admin = admin(ctx)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Creates the configured topics that do not exist yet and pins the transaction protocol; with
     * security on, sets the users and ACLs of {@code deploy/kafka/acls.txt}.
     */
    @Override
    public void afterHealthy(StackContext ctx) {
        createTopics(ctx);
        pinTransactionVersion(ctx);
        if (KafkaSecurity.enabled(ctx)) {
            try (Admin admin = admin(ctx)) {
                KafkaSecurity.apply(admin, ctx);
            }
        }
    }

    /**
     * Kafka 4 clusters start on transaction protocol 2, where flink-connector-kafka 5.0.0 cannot
     * commit a transaction it recovers from a checkpoint (the resumed producer is fenced), so the
     * exactly-once Flink sinks would lose the rows of the last checkpoint on a restart. The
     * configured version (1) is set until the connector handles 2; it is a no-op when already set.
     */
    private static void pinTransactionVersion(StackContext ctx) {
        short wanted = Short.parseShort(ctx.config().get("kafka.transaction.version"));
        try (Admin admin = admin(ctx)) {
            var finalized =
                    admin.describeFeatures()
                            .featureMetadata()
                            .get(30, TimeUnit.SECONDS)
                            .finalizedFeatures()
                            .get("transaction.version");
            short current = finalized == null ? 0 : finalized.maxVersionLevel();
            if (current != wanted) {
                var type =
                        wanted < current
                                ? FeatureUpdate.UpgradeType.SAFE_DOWNGRADE
                                : FeatureUpdate.UpgradeType.UPGRADE;
                admin.updateFeatures(
                                Map.of("transaction.version", new FeatureUpdate(wanted, type)),
                                new UpdateFeaturesOptions())
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("setting Kafka's transaction.version failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while setting Kafka's transaction.version");
        }
    }

    private static void createTopics(StackContext ctx) {
        int defaultPartitions = Integer.parseInt(ctx.config().get("kafka.partitions"));
        List<NewTopic> wanted = new ArrayList<>();
        for (String entry : ctx.config().get("kafka.topics").split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts[0].isEmpty()) {
                continue;
            }
            int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : defaultPartitions;
            wanted.add(new NewTopic(parts[0], partitions, (short) 1));
        }
        try (Admin admin = admin(ctx)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            brokerTime(admin, ctx);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StackException("creating Kafka topics failed: " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new StackException("creating Kafka topics timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating Kafka topics");
        }
    }

    /**
     * The topics whose record timestamps are the broker's clock (LogAppendTime), as in production
     * ({@code deploy/kafka/init.sh}): the wind job bounds device clocks by it. Set at every start,
     * so a stack created before keeps up too.
     */
    private static void brokerTime(Admin admin, StackContext ctx)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : ctx.config().get("kafka.broker-time-topics").split(",")) {
            if (!topic.isBlank()) {
                changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, topic.trim()),
                        List.of(
                                new AlterConfigOp(
                                        new ConfigEntry("message.timestamp.type", "LogAppendTime"),
                                        AlterConfigOp.OpType.SET)));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** An admin client of the operator's user. */
    public static Admin admin(StackContext ctx) {
        Properties props = new Properties();
        props.putAll(KafkaSecurity.clientProperties(ctx, KafkaSecurity.ADMIN));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(props);
    }

    @Override
    public String endpoint(StackContext ctx) {
        return "bootstrap " + bootstrap(ctx);
    }
}
