package io.simfleet.cli;

import io.simfleet.client.Credentials;
import io.simfleet.client.SftException;
import io.simfleet.client.SimfleetClient;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = "Logs in to a server and keeps the token pair (not the password) in the profile, a file only you can read (mode 600), for the commands that follow. Tokens are refreshed as they expire; log in again when the refresh token has expired too (24 h by default).",
        footerHeading = "%nExamples:%n",
        footer = {"  simfleet login --url http://localhost:8080 --username customer          # asks for the password",
                "  echo \"$PASS\" | simfleet login --url https://cmp.example --username ops --password-stdin --profile prod",
                "  simfleet login --username reseller --target-account 41078552              # support access"})
class LoginCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "Default: $SIMFLEET_USERNAME, else the profile's.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input (else $SIMFLEET_PASSWORD, else a prompt).")
    boolean passwordStdin;

    @Option(names = "--target-account", paramLabel = "ACCOUNT_ID", description = "A reseller acting inside one of its enterprises (support access).")
    String targetAccount;

    @Override
    public Integer call() throws IOException {
        Session s = session();
        Profiles.Profile saved = s.profiles().load(s.profileName()).orElse(null);
        String url = root().url != null ? root().url : env.var("SIMFLEET_URL") != null ? env.var("SIMFLEET_URL")
                : saved != null ? saved.url() : "http://localhost:8080";
        String user = username != null ? username : env.var("SIMFLEET_USERNAME") != null ? env.var("SIMFLEET_USERNAME")
                : saved != null ? saved.username() : null;
        if (user == null) throw new CliException(ExitCodes.USAGE, "which user? give --username USER");
        String target = targetAccount != null ? targetAccount : saved != null && username == null ? saved.targetAccountId() : null;
        String password = password(user);
        SimfleetClient client = SimfleetClient.builder(url).credentials(Credentials.of(user, password, target)).build();
        var tokens = client.login();
        String accountId = client.ping().accountId();
        String accountName = null;
        try {
            accountName = client.getCustomerProfile().accountName();
        } catch (SftException noProfile) {
            // the name is only shown
        }
        s.profiles().save(s.profileName(), new Profiles.Profile(url, user, target, accountId, tokens.accessToken(), tokens.refreshToken()));
        out().println("Logged in to " + client.baseUri() + " as " + user + " (account " + accountId
                + (accountName == null ? "" : ", " + accountName) + ").");
        out().println("Profile '" + s.profileName() + "' saved in " + s.profiles().file(s.profileName()));
        return ExitCodes.OK;
    }

    private String password(String user) throws IOException {
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new CliException(ExitCodes.USAGE, "no password on standard input");
            return line;
        }
        if (env.var("SIMFLEET_PASSWORD") != null) return env.var("SIMFLEET_PASSWORD");
        Console console = env.interactive() ? System.console() : null;
        if (console == null) throw new CliException(ExitCodes.USAGE, "no password: use --password-stdin or SIMFLEET_PASSWORD");
        char[] pw = console.readPassword("Password for %s: ", user);
        if (pw == null || pw.length == 0) throw new CliException(ExitCodes.USAGE, "no password given");
        return new String(pw);
    }
}
