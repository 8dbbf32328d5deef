package io.controlautogeneracion.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration plus the directories every part writes to. */
public record StackContext(StackConfig config) {

    public Path dataDir() {
        return config.dataDir();
    }

    public Path logDir() {
        return dataDir().resolve("logs");
    }

    public Path runDir() {
        return dataDir().resolve("run");
    }

    public Path logFile(String part) {
        return logDir().resolve(part + ".log");
    }

    /** A part's own directory under the data directory, created when missing. */
    public Path partDir(String part) {
        return mkdirs(dataDir().resolve(part));
    }

    public String host() {
        return config.host();
    }

    public String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
