package io.seicheck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context of the test suite: the real service on a random port, with an embedded
 * PostgreSQL of its own in a fresh folder under target/ (never ./data, never a folder another run uses).
 * Every test class that needs the running service uses this annotation, so the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sei.db.embedded.data-dir=target/test-postgres/${random.uuid}")
public @interface ServiceTest {
}
