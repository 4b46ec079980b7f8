package io.simfleet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "logout", description = "Forgets the profile's tokens (deletes its file).",
        footerHeading = "%nExample:%n", footer = "  simfleet logout --profile prod")
class LogoutCommand extends BaseCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Session s = session();
        boolean removed = s.profiles().delete(s.profileName());
        out().println(removed ? "Profile '" + s.profileName() + "' removed." : "No profile '" + s.profileName() + "'.");
        return ExitCodes.OK;
    }
}
