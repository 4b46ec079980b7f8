package io.simfleet.cli;

import io.simfleet.client.SftException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code simfleet}: the top command, its global options, and how failures become exit codes. */
@Command(name = "simfleet", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = SimfleetCommand.Version.class,
        description = "Manages the endpoints, SIMs, bulk jobs, catalog and usage of a simfleet server (the SFT Endpoint API).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LoginCommand.class, LogoutCommand.class, EndpointsCommand.class, SimsCommand.class, BulkCommand.class,
                CatalogCommand.class, GroupsCommand.class, UsageCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  simfleet login --url http://localhost:8080 --username customer",
                "  simfleet endpoints list --output csv > endpoints.csv",
                "  simfleet bulk provision --csv iccids.csv --name fleet --results results.csv",
                "  simfleet usage 51368592 --from 20260101 --to 20260131",
                "",
                "Configuration: profiles in $SIMFLEET_CONFIG_DIR, $XDG_CONFIG_HOME/simfleet or ~/.config/simfleet;",
                "SIMFLEET_URL, SIMFLEET_PROFILE, SIMFLEET_USERNAME + SIMFLEET_PASSWORD for scripts (docs/sdk-cli.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected error", "2:wrong command line", "3:refused by the server (resultCode \"1\")",
                "4:not found", "5:authentication: not logged in, bad credentials, expired session, no permission",
                "6:network: no server, no answer", "7:server error (HTTP 5xx, 429 after retries, not an SFT server)",
                "8:a bulk job ended Partial or Fail; usage ingest: records refused", "130:interrupted (a bulk job keeps running on the server)"})
public class SimfleetCommand extends BaseCommand implements Runnable {

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The saved login to use (default: $SIMFLEET_PROFILE, else 'default').")
    String profile;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The server, e.g. http://localhost:8080 (default: $SIMFLEET_URL, else the profile's).")
    String url;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.")
    Output.Format output;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an unexpected error.")
    boolean debug;

    String profile() {
        if (profile != null) return profile;
        String p = env.var("SIMFLEET_PROFILE");
        return p != null ? p : Profiles.DEFAULT;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    /** Runs one command line and answers its exit code. */
    public static int run(Env env, String... args) {
        CommandLine cmd = commandLine(env);
        return cmd.execute(args);
    }

    static CommandLine commandLine(Env env) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cmd = new CommandLine(new SimfleetCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K o = defaults.create(cls);
                if (o instanceof BaseCommand) ((BaseCommand) o).env = env;
                return o;
            }
        });
        ((SimfleetCommand) cmd.getCommand()).env = env;
        cmd.setOut(new PrintWriter(env.out(), true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(env.err(), true, StandardCharsets.UTF_8));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(110);
        cmd.setExecutionExceptionHandler((e, c, parsed) -> failed(env, c, e));
        // "usage ENDPOINT_ID" runs the command itself: its sub-commands are optional (the inherited label says they are not)
        cmd.getSubcommands().get("usage").getCommandSpec().usageMessage().synopsisSubcommandLabel("[COMMAND]");
        CommandLine completion = cmd.getSubcommands().get("generate-completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Prints a bash/zsh completion script for simfleet.")
                .footerHeading("%nExample:%n").footer("  source <(simfleet generate-completion)   # in ~/.bashrc or ~/.zshrc");
        cmd.getSubcommands().get("help").getCommandSpec().usageMessage()
                .footerHeading("%nExample:%n").footer("  simfleet help bulk provision");
        return cmd;
    }

    private static int failed(Env env, CommandLine c, Exception e) {
        SimfleetCommand root = (SimfleetCommand) c.getCommandSpec().root().userObject();
        String profileArg = root == null || root.env == null || root.profile().equals(Profiles.DEFAULT) ? "" : " --profile " + root.profile();
        if (e instanceof SftException) {
            SftException s = (SftException) e;
            env.err().println("error: " + (s.resultCode().value() == 0 ? "" : s.resultCode() + " ") + s.description());
            if (s.operation() != null || s.responseId() != null) {
                env.err().println("  (" + Optional.ofNullable(s.operation()).orElse("") + (s.responseId() == null ? "" : ", responseId " + s.responseId()) + ")");
            }
            if (s.category() == SftException.Category.AUTH && s.httpStatus() != 403 && s.resultCode().value() != 10002) {
                env.err().println("  log in again: simfleet login" + profileArg);
            }
            return ExitCodes.of(s);
        }
        if (e instanceof CliException) {
            env.err().println("error: " + e.getMessage());
            return ((CliException) e).exitCode();
        }
        env.err().println("error: " + e);
        if (root != null && root.debug) e.printStackTrace(env.err());
        return ExitCodes.ERROR;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Optional.ofNullable(SimfleetCommand.class.getPackage().getImplementationVersion()).orElse("dev");
            return new String[] {"simfleet " + v, "Java " + Runtime.version()};
        }
    }
}
