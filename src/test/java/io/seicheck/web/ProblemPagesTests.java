package io.seicheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem type the code can answer with has a page that explains it. */
class ProblemPagesTests {

    @Test
    void everyProblemTypeInTheCodeHasItsPage() throws IOException {
        Pattern slug = Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*\"([a-z-]+)\"");
        TreeSet<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = slug.matcher(Files.readString(f));
                while (m.find()) {
                    slugs.add(m.group(1));
                }
            }
        }
        assertThat(slugs).hasSizeGreaterThan(15);
        ProblemPagesController pages = new ProblemPagesController();
        assertThat(slugs.stream().filter(s -> !pages.explains(s)).toList()).as("problem types without a page").isEmpty();
        assertThat(pages.page("invalid-input").getBody()).contains("<h1>Invalid input</h1>");
    }
}
