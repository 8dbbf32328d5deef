package io.controlautogeneracion.stack.druid;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.druid.DruidException;
import io.controlautogeneracion.stack.ProjectLayout;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the auto-compaction config of every datasource that has one in {@code druid/compaction/}:
 * the coordinator then rewrites the segments the hourly batch leaves (hour and day segments) into
 * the layout the queries need ({@code druid/bench/README.md}). Setting a config again replaces it,
 * so this is safe to repeat.
 */
public final class DruidCompaction {
    private DruidCompaction() {}

    public static List<String> submitAll(StackContext ctx, DruidClient druid) {
        Path dir = ProjectLayout.druidDir(ctx.config().projectDir()).resolve("compaction");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        double ratio = Double.parseDouble(ctx.config().get("druid.compaction.slot-ratio"));
        int maxSlots = Integer.parseInt(ctx.config().get("druid.compaction.max-slots"));
        List<String> submitted = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path config :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    druid.submitCompactionConfig(Files.readString(config), ratio, maxSlots);
                } catch (DruidException e) {
                    throw new StackException(
                            "Druid refused the compaction config " + config + ": " + e.getMessage(),
                            e);
                }
                String name = config.getFileName().toString();
                submitted.add(name.substring(0, name.length() - ".json".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return submitted;
    }
}
