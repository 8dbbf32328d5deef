package io.controlautogeneracion.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files are: the engines' classpaths written by the build, the Druid cluster
 * configuration and the specs under {@code druid/}.
 */
public final class ProjectLayout {
    private static final String MARKER = "deploy/local-stack/launcher/pom.xml";

    private ProjectLayout() {}

    /**
     * The project directory: {@code -Dstack.project.dir} when set, else the nearest directory at or
     * above the working directory that holds the local stack's sources.
     */
    public static Path findProjectDir() {
        String explicit = System.getProperty("stack.project.dir");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new StackException(
                "cannot find the project directory above "
                        + start
                        + " (looked for "
                        + MARKER
                        + "); run from inside the project or set -Dstack.project.dir");
    }

    /** The classpath of an engine ("kafka", "druid") as resolved by the build. */
    public static String engineClasspath(Path projectDir, String engine) {
        return readClasspath(
                projectDir.resolve(
                        "deploy/local-stack/engines/" + engine + "/target/classpath.txt"));
    }

    /** The launcher's own classpath, used for the stand-in servers' processes. */
    public static String launcherClasspath(Path projectDir) {
        return moduleClasspath(projectDir, "deploy/local-stack/launcher");
    }

    /**
     * A module's classes and runtime classpath as its build wrote them ({@code
     * target/classpath.txt}): how the parts run the Flink jobs, the simulator and the dashboards.
     */
    public static String moduleClasspath(Path projectDir, String module) {
        Path target = projectDir.resolve(module).resolve("target");
        if (!Files.isDirectory(target.resolve("classes"))) {
            throw new StackException(
                    target.resolve("classes")
                            + " is missing: build the project first (./mvnw -B install -DskipTests,"
                            + " or ./stack up, which builds when needed)");
        }
        return target.resolve("classes")
                + java.io.File.pathSeparator
                + readClasspath(target.resolve("classpath.txt"));
    }

    public static Path druidDir(Path projectDir) {
        return projectDir.resolve("druid");
    }

    private static String readClasspath(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StackException(
                    file
                            + " is missing: build the project first (./mvnw -B install -DskipTests,"
                            + " or ./stack up, which builds when needed)");
        }
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
