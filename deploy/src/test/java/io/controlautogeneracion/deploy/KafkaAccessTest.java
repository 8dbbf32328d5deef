package io.controlautogeneracion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka asks every client for its user, and each user may do what deploy/kafka/acls.txt says and
 * nothing else, in compose and in Kubernetes alike.
 */
class KafkaAccessTest {
    private static final Path DIR = ProjectFiles.path("deploy");
    private static final JsonNode COMPOSE =
            ProjectFiles.yaml(DIR.resolve("compose.yaml")).path("services");
    private static final Pattern JAAS_USER =
            Pattern.compile("ScramLoginModule required username=\"([^\"]+)\" password=\"\\$\\{");

    /** One ALLOW rule of acls.txt: "principal OPERATION resource pattern name". */
    record Rule(String principal, String operation, String resource, String pattern, String name) {
        @Override
        public String toString() {
            return String.join(" ", principal, operation, resource, pattern, name);
        }
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (String line : ProjectFiles.read(DIR.resolve("kafka/acls.txt")).lines().toList()) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                String[] f = text.split("\\s+");
                assertThat(f).as("acls.txt line: %s", line).hasSize(5);
                rules.add(new Rule(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return rules;
    }

    static Set<String> principals() {
        Set<String> users = new TreeSet<>();
        rules().forEach(r -> users.add(r.principal()));
        return users;
    }

    @Test
    void onlyTheWindJobWritesItsTopicsAndOnlyIngestServiceWritesTopicStats() {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Rule r : rules()) {
            if (r.operation().equals("WRITE") && r.resource().equals("topic")) {
                assertThat(r.pattern()).as("%s", r).isEqualTo("literal");
                writers.computeIfAbsent(r.name(), t -> new TreeSet<>()).add(r.principal());
            }
        }
        assertThat(writers)
                .containsEntry("wind_reading", Set.of("wind-job"))
                .containsEntry("wind_alarm", Set.of("wind-job"))
                .containsEntry("topic_stats", Set.of("ingest-service"))
                .containsEntry("panel", Set.of("device-panel", "simulator"))
                .containsEntry("sensor-light", Set.of("device-sensor-light", "simulator"))
                .containsEntry("sensor-wind", Set.of("device-sensor-wind", "simulator"));
        // A device's user does nothing but write its own topic.
        assertThat(rules())
                .filteredOn(r -> r.principal().startsWith("device-"))
                .allMatch(r -> r.operation().equals("WRITE") && r.resource().equals("topic"))
                .allMatch(r -> r.principal().equals("device-" + r.name()));
    }

    @Test
    void theComposeBrokerRequiresAuthenticationAndDeniesWhatNoAclAllows() {
        Map<String, String> env = ComposeFileTest.environment(COMPOSE.path("kafka"));
        assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .doesNotContain(":PLAINTEXT")
                .doesNotContain(":SSL");
        assertThat(env)
                .containsEntry(
                        "KAFKA_AUTHORIZER_CLASS_NAME",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin");
    }

    @Test
    void kafkaInitCreatesEveryUserOfTheAclsWithItsPasswordAndTheAcls() {
        JsonNode init = COMPOSE.path("kafka-init");
        Map<String, String> env = ComposeFileTest.environment(init);
        for (String user : principals()) {
            assertThat(env).as("kafka-init environment").containsKey(passwordVariable(user));
            assertThat(ProjectFiles.read(DIR.resolve(".env.example")))
                    .as(".env.example")
                    .containsPattern("(?m)^" + passwordVariable(user) + "=$");
        }
        assertThat(env).containsKey("KAFKA_ADMIN_PASSWORD");
        List<String> volumes = new ArrayList<>();
        init.path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).contains("./kafka/acls.txt:/init/acls.txt:ro");
    }

    @Test
    void everyComposeKafkaClientAuthenticatesAsAUserOfTheAcls() {
        Map<String, String> clients = new TreeMap<>();
        clients.put("ingest-service", "KAFKA_SASL_JAAS_CONFIG");
        clients.put("flink-jobs", "WIND_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        clients.put("flink-jobs ", "LANDING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        Map<String, String> users = new TreeMap<>();
        clients.forEach(
                (service, variable) -> {
                    Map<String, String> env =
                            ComposeFileTest.environment(COMPOSE.path(service.strip()));
                    String prefix = variable.replace("SASL_JAAS_CONFIG", "");
                    assertThat(env)
                            .as("Kafka settings of %s", service)
                            .containsEntry(prefix + "SASL_MECHANISM", "SCRAM-SHA-512")
                            .containsEntry(
                                    prefix + "SECURITY_PROTOCOL",
                                    "${KAFKA_SECURITY_PROTOCOL:-SASL_PLAINTEXT}");
                    users.put(variable, user(env.get(variable), service));
                });
        assertThat(users)
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "ingest-service")
                .containsEntry("WIND_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "wind-job")
                .containsEntry("LANDING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "landing-job");
    }

    @Test
    void eachDruidSupervisorReadsItsTopicAsItsOwnUser() {
        for (Path spec : ProjectFiles.list(ProjectFiles.path("druid/supervisors"), ".json")) {
            JsonNode io =
                    parse(ProjectFiles.read(spec).replace("${KAFKA_BOOTSTRAP}", "kafka:9092"))
                            .path("spec")
                            .path("ioConfig");
            String topic = io.path("topic").asText();
            JsonNode provider = io.path("consumerProperties").path("druid.dynamic.config.provider");
            assertThat(provider.path("type").asText()).as("%s", spec).isEqualTo("environment");
            JsonNode vars = provider.path("variables");
            String user = "druid-" + topic.replace('_', '-');
            assertThat(vars.path("sasl.jaas.config").asText())
                    .as("JAAS variable of %s", spec)
                    .isEqualTo(user.toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_JAAS");
            assertThat(vars.path("security.protocol").asText())
                    .isEqualTo("KAFKA_SECURITY_PROTOCOL");
            assertThat(vars.path("sasl.mechanism").asText()).isEqualTo("KAFKA_SASL_MECHANISM");
            assertThat(io.path("consumerProperties").has("sasl.jaas.config"))
                    .as("%s holds no credential itself", spec)
                    .isFalse();
            assertThat(rules())
                    .as("%s may read %s", user, topic)
                    .contains(new Rule(user, "READ", "topic", "literal", topic));
            // The Druid processes that read Kafka get the variables, with the user's password.
            for (String service : List.of("druid-coordinator", "druid-middlemanager")) {
                Map<String, String> env = ComposeFileTest.environment(COMPOSE.path(service));
                assertThat(user(env.get(vars.path("sasl.jaas.config").asText()), service))
                        .isEqualTo(user);
                assertThat(env).containsKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM");
            }
        }
    }

    @Test
    void theKubernetesKafkaUsersAreTheUsersAndAclsOfTheRules() {
        Manifests k8s = Manifests.load();
        List<Rule> fromManifests = new ArrayList<>();
        Set<String> secretKeys = new TreeSet<>();
        Manifests.generatedSecret()
                .path("stringData")
                .fieldNames()
                .forEachRemaining(secretKeys::add);
        for (JsonNode user : k8s.ofKind("KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            JsonNode auth = user.path("spec").path("authentication");
            assertThat(auth.path("type").asText()).as(name).isEqualTo("scram-sha-512");
            JsonNode ref = auth.path("password").path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("key").asText()).isEqualTo("kafka-" + name + "-password");
            assertThat(secretKeys).as("secrets.env.example").contains(ref.path("key").asText());
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode r = acl.path("resource");
                for (JsonNode op : acl.path("operations")) {
                    fromManifests.add(
                            new Rule(
                                    name,
                                    op.asText().toUpperCase(Locale.ROOT),
                                    r.path("type").asText().equals("transactionalId")
                                            ? "transactional-id"
                                            : r.path("type").asText(),
                                    r.path("patternType").asText(),
                                    r.path("name").asText()));
                }
            }
        }
        assertThat(fromManifests).containsExactlyInAnyOrderElementsOf(rules());
    }

    @Test
    void everyKubernetesKafkaClientReadsItsOwnUsersCredentials() {
        Manifests k8s = Manifests.load();
        Map<String, String> expected =
                Map.of(
                        "ingest-service", "ingest-service",
                        "wind-job-jobmanager", "wind-job",
                        "landing-job-jobmanager", "landing-job");
        expected.forEach(
                (deployment, user) -> {
                    JsonNode container =
                            k8s.find("Deployment", deployment)
                                    .orElseThrow()
                                    .path("spec")
                                    .path("template")
                                    .path("spec")
                                    .path("containers")
                                    .path(0);
                    List<String> refs = new ArrayList<>();
                    container
                            .path("env")
                            .forEach(
                                    e -> {
                                        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                                        if (e.path("name").asText().endsWith("SASL_JAAS_CONFIG")) {
                                            refs.add(
                                                    ref.path("name").asText()
                                                            + "/"
                                                            + ref.path("key").asText());
                                        }
                                    });
                    assertThat(refs).as(deployment).containsExactly(user + "/sasl.jaas.config");
                    assertThat(k8s.find("KafkaUser", user)).as("KafkaUser " + user).isPresent();
                });
    }

    private static String user(String jaas, String where) {
        assertThat(jaas).as("JAAS line of %s", where).isNotNull();
        Matcher m = JAAS_USER.matcher(jaas);
        assertThat(m.find())
                .as("a SCRAM user and a password from .env in %s: %s", where, jaas)
                .isTrue();
        assertThat(principals()).as("users of acls.txt").contains(m.group(1));
        return m.group(1);
    }

    private static String passwordVariable(String user) {
        return "KAFKA_" + user.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
