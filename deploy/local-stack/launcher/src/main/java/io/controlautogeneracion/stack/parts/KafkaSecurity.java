package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Kafka with {@code kafka.security=sasl}: SCRAM-SHA-512 users and the ACLs of {@code
 * deploy/kafka/acls.txt}, the same rules a deployment applies, each part of the stack with its own
 * user. With {@code kafka.security=none} (the default) every client connects in plain text.
 */
public final class KafkaSecurity {
    /** The operator's user: the launcher's own clients and the broker itself; the super user. */
    public static final String ADMIN = "admin";

    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String ACLS = "deploy/kafka/acls.txt";
    private static final int ITERATIONS = 8192;

    private KafkaSecurity() {}

    /** Whether the stack's broker requires authentication ({@code kafka.security}). */
    public static boolean enabled(StackContext ctx) {
        String mode = ctx.config().get("kafka.security").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "sasl" -> true;
            case "none" -> false;
            default ->
                    throw new StackException(
                            "kafka.security must be none or sasl, not '" + mode + "'");
        };
    }

    /**
     * The client settings of {@code principal}: the bootstrap address, and with security on the
     * protocol, mechanism and credentials.
     */
    public static Map<String, Object> clientProperties(StackContext ctx, String principal) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap(ctx));
        props.putAll(securityProperties(ctx, principal));
        return props;
    }

    /** Only the security settings of {@code principal}; empty with security off. */
    public static Map<String, String> securityProperties(StackContext ctx, String principal) {
        if (!enabled(ctx)) {
            return Map.of();
        }
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                jaas(principal, password(ctx, principal)));
    }

    /** The security protocol every client uses. */
    public static String protocol(StackContext ctx) {
        return enabled(ctx) ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /** The JAAS line of a SCRAM client; empty with security off. */
    public static String jaas(StackContext ctx, String principal) {
        return enabled(ctx) ? jaas(principal, password(ctx, principal)) : "";
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user
                + "\" password=\""
                + password
                + "\";";
    }

    /** The password of a principal, {@code kafka.password.<principal>} in the configuration. */
    public static String password(StackContext ctx, String principal) {
        String password = ctx.config().get("kafka.password." + principal);
        if (password.contains("\"") || password.contains("\\")) {
            throw new StackException(
                    "kafka.password." + principal + " cannot hold a quote or a backslash");
        }
        return password;
    }

    /** The rules of {@code deploy/kafka/acls.txt}. */
    public static List<AclBinding> rules(Path projectDir) {
        Path file = projectDir.resolve(ACLS);
        List<AclBinding> rules = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file)) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                rules.add(rule(text, file + ":" + n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rules;
    }

    static AclBinding rule(String text, String where) {
        String[] f = text.split("\\s+");
        if (f.length != 5) {
            throw new StackException(
                    where + ": expected principal, operation, resource, pattern, name: " + text);
        }
        try {
            ResourceType type = ResourceType.valueOf(constant(f[2]));
            AclOperation operation = AclOperation.valueOf(constant(f[1]));
            PatternType pattern = PatternType.valueOf(constant(f[3]));
            if (type == ResourceType.ANY
                    || operation == AclOperation.ANY
                    || pattern == PatternType.ANY
                    || pattern == PatternType.MATCH) {
                throw new IllegalArgumentException("a rule names one operation on one resource");
            }
            return new AclBinding(
                    new ResourcePattern(type, f[4], pattern),
                    new AccessControlEntry(
                            "User:" + f[0], "*", operation, AclPermissionType.ALLOW));
        } catch (IllegalArgumentException e) {
            throw new StackException(where + ": " + e.getMessage() + ": " + text, e);
        }
    }

    private static String constant(String word) {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The users the rules name, in their order. */
    public static Set<String> principals(List<AclBinding> rules) {
        Set<String> users = new LinkedHashSet<>();
        rules.forEach(r -> users.add(r.entry().principal().substring("User:".length())));
        return users;
    }

    /**
     * Makes the broker's users and ACLs those of the rules: every user's SCRAM credential set from
     * its configured password (so a changed password is a rotation), missing ACLs created and ACLs
     * no rule names deleted. Safe to repeat.
     */
    static void apply(Admin admin, StackContext ctx) {
        List<AclBinding> rules = rules(ctx.config().projectDir());
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String user : principals(rules)) {
            users.add(
                    new UserScramCredentialUpsertion(
                            user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                            password(ctx, user)));
        }
        try {
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            Set<AclBinding> existing =
                    Set.copyOf(
                            admin.describeAcls(AclBindingFilter.ANY)
                                    .values()
                                    .get(30, TimeUnit.SECONDS));
            List<AclBinding> missing = rules.stream().filter(r -> !existing.contains(r)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            }
            List<AclBindingFilter> stale =
                    existing.stream()
                            .filter(acl -> !rules.contains(acl))
                            .map(AclBinding::toFilter)
                            .toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("setting Kafka's users and ACLs failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while setting Kafka's users and ACLs");
        }
    }
}
