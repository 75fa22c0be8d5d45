package io.seicheck.assessment;

import io.seicheck.LocalCommand;
import io.seicheck.api.model.AssessmentRequest;
import io.seicheck.web.InvalidInputException;
import io.seicheck.web.InputError;
import jakarta.validation.Validator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar sei-check.jar assess profile.json}: one assessment made here, by the same reader, checks and
 * rules as {@code POST /v1/assessments}, logged like it, printed as the API would return it.
 */
public final class AssessCommand {

    public static final String NAME = "assess";

    static final String USAGE = """
            Usage: java -jar sei-check.jar assess <profile.json> [--lang zh|en] [--suggestions true|false]
                   [--tenant NAME] [--data DIR | --db-url jdbc:postgresql://... --db-user U --db-password P]""";

    private AssessCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        return LocalCommand.run(args, USAGE, out, (context, options, arguments, print) -> {
            if (arguments.size() != 1) {
                print.println(USAGE);
                return 2;
            }
            JsonMapper json = context.getBean(JsonMapper.class);
            RequestReader requests = new RequestReader(json, context.getBean(Validator.class));
            LoggedAssessments.Logged logged;
            try {
                AssessmentRequest request = requests.read(Files.readString(Path.of(arguments.get(0))));
                List<InputError> invalid = requests.violations(request);
                if (!invalid.isEmpty()) {
                    throw new InvalidInputException(invalid);
                }
                logged = context.getBean(LoggedAssessments.class).assess(options.getOrDefault("tenant", "cli"), request,
                        Language.valueOf(options.getOrDefault("lang", "zh").toUpperCase(Locale.ROOT)), null,
                        Boolean.parseBoolean(options.getOrDefault("suggestions", "true")));
            } catch (InvalidInputException e) {
                e.errors().forEach(err -> print.println(arguments.get(0) + ": " + err.pointer() + " " + err.detail()));
                return 1;
            }
            print.println(json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(logged.assessment()));
            return 0;
        });
    }
}
