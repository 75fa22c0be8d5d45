package io.seicheck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application context of the test suite: the real service on a random port, with an embedded
 * PostgreSQL of its own in a folder under target/test-data/ named for this Maven run (never ./data). Its first
 * start writes the admin key there, which {@link ServiceClient} uses unless told otherwise.
 * Every test class that needs the running service uses this annotation, so the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sei.data-dir=" + ServiceTest.DATA_DIR)
public @interface ServiceTest {

    /** This build's data folder (embedded PostgreSQL, first admin key): fresh for every {@code mvn} run. */
    String DATA_DIR = "target/test-data/${sei.test.run:ide}";
}
