package io.controlautogeneracion.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.controlautogeneracion.stack.ProjectLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The project's files as the tests see them: the root, text, YAML documents, the files of a folder.
 * YAML is read with SnakeYAML (the parser under Jackson's YAML module), which resolves anchors and
 * merge keys ({@code <<: *druid}) as Docker Compose does, then handed to Jackson as a tree.
 */
public final class ProjectFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectFiles() {}

    /**
     * The project root: {@code -Dproject.root} when set (the builds of deploy and superset/page set
     * it), else the project directory the local stack finds from the working directory ({@link
     * ProjectLayout#findProjectDir()}).
     */
    public static Path root() {
        String configured = System.getProperty("project.root");
        Path root = configured != null ? Path.of(configured) : ProjectLayout.findProjectDir();
        return root.toAbsolutePath().normalize();
    }

    /** A path relative to the project root, e.g. {@code druid/tasks}. */
    public static Path path(String relative) {
        return root().resolve(relative).normalize();
    }

    /** A text file, UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One YAML document. */
    public static JsonNode yaml(Path file) {
        List<JsonNode> docs = yamlDocuments(file);
        return docs.isEmpty() ? MissingNode.getInstance() : docs.get(0);
    }

    /** Every non-empty document of a YAML file (Kubernetes manifests hold several). */
    public static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : yaml.loadAll(reader)) {
                if (doc != null) {
                    docs.add(MAPPER.valueToTree(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("not valid YAML: " + file + ": " + e.getMessage(), e);
        }
        return docs;
    }

    /**
     * The files of a directory whose name ends with {@code suffix}, sorted; a directory that is not
     * there is an error, not an empty list.
     */
    public static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
