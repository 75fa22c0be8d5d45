package io.seicheck;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command run on this machine with the service's own parts and no web server ({@code screen}, {@code assess}):
 * the same rules and the same decision log, in the embedded database under {@code ./data} unless {@code --data}
 * names another folder or {@code --db-url} a PostgreSQL server. Options are {@code --name value}.
 */
public final class LocalCommand {

    /** What a command does once the service's parts are up; returns the exit code. */
    public interface Body {
        int run(ConfigurableApplicationContext context, Map<String, String> options, List<String> arguments,
                PrintStream out) throws Exception;
    }

    private LocalCommand() {
    }

    /** Runs {@code body}; usage errors exit 2, a data folder held by a running service exits 3 with what to do. */
    public static int run(String[] args, String usage, PrintStream out, Body body) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    out.println("Missing a value for " + args[i] + "\n" + usage);
                    return 2;
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                arguments.add(args[i]);
            }
        }
        List<String> properties = new ArrayList<>(List.of("--logging.level.root=WARN",
                "--logging.level.io.seicheck=WARN", "--sei.screening.scheduler-enabled=false"));
        if (options.containsKey("data")) {
            properties.add("--sei.data-dir=" + options.get("data"));
        }
        if (options.containsKey("db-url")) {
            properties.add("--sei.db.url=" + options.get("db-url"));
            properties.add("--sei.db.user=" + options.getOrDefault("db-user", ""));
            properties.add("--sei.db.password=" + options.getOrDefault("db-password", ""));
        }
        SpringApplication app = new SpringApplication(SeiCheckApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        ConfigurableApplicationContext context;
        try {
            context = app.run(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("in use by another running SEI Check")) {
                    out.println("The data folder " + options.getOrDefault("data", "./data") + " is in use by a running "
                            + "SEI Check service. Stop it, give this command another folder with --data, or point it at "
                            + "the service's database with --db-url.");
                    return 3;
                }
            }
            throw e;
        }
        try (context) {
            return body.run(context, options, arguments, out);
        } catch (Exception e) {
            out.println(e.getMessage());
            org.slf4j.LoggerFactory.getLogger(LocalCommand.class).error("{} failed", args[0], e);
            return 1;
        }
    }
}
