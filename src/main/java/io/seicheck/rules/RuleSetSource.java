package io.seicheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the files of every rule set, from a folder on disk ({@code sei.rules.path}) or, by default, from
 * the copy packaged in the application ({@code classpath:rules/}).
 */
public final class RuleSetSource {

    private RuleSetSource() {
    }

    /** Rule-set folder name → its files. */
    public static Map<String, RuleSetFiles> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleCompilationException("Rules folder " + root.toAbsolutePath() + " does not exist");
        }
        Map<String, RuleSetFiles> sets = new TreeMap<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(p -> Files.isRegularFile(p.resolve("ruleset.yaml"))).toList()) {
                Map<String, byte[]> files = new HashMap<>();
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
                sets.put(folder.getFileName().toString(), new RuleSetFiles(files));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + root, e);
        }
        return sets;
    }

    public static Map<String, RuleSetFiles> fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, byte[]>> raw = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:rules/**/*")) {
                if (!resource.isReadable() || resource.getURL().toString().endsWith("/")) {
                    continue;
                }
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/rules/");
                String rest = url.substring(at + "/rules/".length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    raw.computeIfAbsent(rest.substring(0, slash), k -> new HashMap<>())
                            .put(java.net.URLDecoder.decode(rest.substring(slash + 1), java.nio.charset.StandardCharsets.UTF_8),
                                    in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged rule sets", e);
        }
        Map<String, RuleSetFiles> sets = new TreeMap<>();
        raw.forEach((folder, files) -> {
            if (files.containsKey("ruleset.yaml")) {
                sets.put(folder, new RuleSetFiles(files));
            }
        });
        return sets;
    }
}
