package io.controlautogeneracion.stack.druid;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.druid.DruidException;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import io.controlautogeneracion.stack.Templates;
import io.controlautogeneracion.stack.parts.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Submits every Kafka supervisor spec of {@code druid/supervisors/}, with {@code
 * ${KAFKA_BOOTSTRAP}} filled in. Submitting a spec again updates the supervisor, so this is safe to
 * repeat.
 */
public final class DruidSupervisors {
    private DruidSupervisors() {}

    public static List<String> submitAll(StackContext ctx, DruidClient druid) {
        Path dir = ProjectLayout.druidDir(ctx.config().projectDir()).resolve("supervisors");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, String> values = Map.of("KAFKA_BOOTSTRAP", KafkaBroker.bootstrap(ctx));
        List<String> submitted = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path spec : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String json = Templates.render(Files.readString(spec), values, spec.toString());
                try {
                    submitted.add(druid.submitSupervisor(json));
                } catch (DruidException e) {
                    throw new StackException(
                            "Druid refused the supervisor " + spec + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return submitted;
    }
}
