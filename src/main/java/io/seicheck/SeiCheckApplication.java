package io.seicheck;

import io.seicheck.assessment.AssessCommand;
import io.seicheck.decisionlog.OfflineVerifier;
import io.seicheck.screening.ScreenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** SEI Check: eligibility of firms and projects under China's strategic emerging industries policy. */
@SpringBootApplication
public class SeiCheckApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(OfflineVerifier.COMMAND)) {
            System.exit(OfflineVerifier.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals(ScreenCommand.NAME)) {
            System.exit(ScreenCommand.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals(AssessCommand.NAME)) {
            System.exit(AssessCommand.run(args, System.out));
        }
        SpringApplication.run(SeiCheckApplication.class, args);
    }
}
