package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.controlautogeneracion.stack.parts.KafkaBroker;
import io.controlautogeneracion.stack.parts.KafkaSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's broker with {@code kafka.security=sasl}: no credential, no access; each user
 * does what {@code deploy/kafka/acls.txt} allows it and nothing else.
 */
class KafkaSecurityTest {
    @TempDir static Path data;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("data.dir", data.toString());
        overrides.put("detach", "false");
        overrides.put("kafka.security", "sasl");
        overrides.put("kafka.port", Integer.toString(FreePorts.onLoopback()));
        overrides.put("kafka.controller.port", Integer.toString(FreePorts.onLoopback()));
        stack =
                new LocalStack(
                        StackConfig.load().with(overrides), EnumSet.of(Engine.KAFKA), s -> {});
        stack.up();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.down();
        }
    }

    @Test
    void shouldRefuseAProducerWithoutCredentials() {
        Map<String, Object> plain = new HashMap<>();
        plain.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(ctx()));
        plain.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = producer(plain)) {
            // The broker speaks SASL only: a plain-text client never gets the topic's metadata.
            assertThatThrownBy(() -> send(producer, "panel"))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Map<String, Object> props = client("device-panel");
        props.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"device-panel\" password=\"guessed\";");
        try (KafkaProducer<String, String> producer = producer(props)) {
            assertThatThrownBy(() -> send(producer, "panel"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldLetADeviceWriteItsOwnTopicOnly() throws Exception {
        try (KafkaProducer<String, String> producer = producer(client("device-panel"))) {
            send(producer, "panel");
            for (String topic :
                    List.of("wind_alarm", "wind_reading", "topic_stats", "sensor-wind")) {
                assertThatThrownBy(() -> send(producer, topic))
                        .as(topic)
                        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void shouldDeliverADeviceReadingToIngestServiceInItsGroup() throws Exception {
        String key = "P-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(client("device-sensor-light"))) {
            producer.send(new ProducerRecord<>("sensor-light", key, "{}"))
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer =
                consumer("ingest-service", "ingest-service.sensor-light")) {
            consumer.subscribe(List.of("sensor-light"));
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                for (ConsumerRecord<String, String> r :
                                        consumer.poll(Duration.ofMillis(200))) {
                                    keys.add(r.key());
                                }
                                return keys.contains(key);
                            });
            consumer.commitSync();
        }
        // Not in a group of another part, and not a topic it does not consume.
        try (KafkaConsumer<String, String> consumer = consumer("ingest-service", "wind-job")) {
            consumer.subscribe(List.of("sensor-wind"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer =
                consumer("ingest-service", "ingest-service.wind_alarm")) {
            consumer.subscribe(List.of("wind_alarm"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldKeepExactlyTheAclsOfTheRulesAtEveryUp() throws Exception {
        AclBinding stray =
                new AclBinding(
                        new ResourcePattern(ResourceType.TOPIC, "wind_alarm", PatternType.LITERAL),
                        new AccessControlEntry(
                                "User:device-panel",
                                "*",
                                AclOperation.WRITE,
                                AclPermissionType.ALLOW));
        try (Admin admin = KafkaBroker.admin(ctx())) {
            admin.createAcls(List.of(stray)).all().get(30, TimeUnit.SECONDS);
            stack.up();
            Set<AclBinding> acls =
                    Set.copyOf(
                            admin.describeAcls(AclBindingFilter.ANY)
                                    .values()
                                    .get(30, TimeUnit.SECONDS));
            assertThat(acls)
                    .containsExactlyInAnyOrderElementsOf(
                            KafkaSecurity.rules(ctx().config().projectDir()))
                    .doesNotContain(stray);
        }
    }

    private static StackContext ctx() {
        return stack.context();
    }

    private static Map<String, Object> client(String principal) {
        Map<String, Object> props = new HashMap<>(KafkaSecurity.clientProperties(ctx(), principal));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return props;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> props) {
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> props = new HashMap<>(KafkaSecurity.clientProperties(ctx(), principal));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        producer.send(new ProducerRecord<>(topic, "k", "{}")).get(30, TimeUnit.SECONDS);
    }
}
