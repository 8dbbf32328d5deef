package io.controlautogeneracion.deploy;

import io.controlautogeneracion.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a Dockerfile the deployment depends on: exposed ports and environment. */
record Dockerfile(Path file, Set<Integer> exposed, Map<String, String> environment) {
    private static final Pattern PAIR =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfile read(Path file) {
        Set<Integer> exposed = new TreeSet<>();
        Map<String, String> env = new TreeMap<>();
        String text = ProjectFiles.read(file).replace("\\\n", " ");
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("EXPOSE ")) {
                for (String port : l.substring(7).trim().split("\\s+")) {
                    exposed.add(Integer.parseInt(port.replaceAll("/.*", "")));
                }
            } else if (l.startsWith("ENV ")) {
                Matcher m = PAIR.matcher(l.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        return new Dockerfile(file, exposed, env);
    }

    /** The JVM and native Dockerfiles of a Quarkus service, where Quarkus expects them. */
    static Set<Path> ofService(String artifactId) {
        Path docker = ProjectFiles.path(artifactId).resolve("src/main/docker");
        return Set.of(docker.resolve("Dockerfile.jvm"), docker.resolve("Dockerfile.native-micro"));
    }
}
