package io.controlautogeneracion.stack.parts;

import io.controlautogeneracion.stack.StackContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Templates and files bundled with the launcher. */
final class Resources {
    private Resources() {}

    static String text(String resource) {
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the launcher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log4j2 configuration shared by the Kafka and ZooKeeper processes: everything to stdout.
     */
    static Path log4j(StackContext ctx) {
        return ctx.dataDir().resolve("conf").resolve("log4j2.xml");
    }

    static void writeLog4j(StackContext ctx) throws IOException {
        Path file = log4j(ctx);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text("/log4j2-console.xml"));
    }
}
