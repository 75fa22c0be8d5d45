package io.seicheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SEI Check: eligibility of firms and projects under China's strategic emerging industries policy. */
@SpringBootApplication
public class SeiCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeiCheckApplication.class, args);
    }
}
