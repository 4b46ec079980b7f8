package io.simfleet.cli;

import io.simfleet.client.Outcome;
import io.simfleet.client.SimfleetClient;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the run's {@link Env}, the global options, the session with the server. */
abstract class BaseCommand {
    @Spec
    CommandSpec spec;
    Env env;
    private Session session;

    SimfleetCommand root() {
        return (SimfleetCommand) spec.root().userObject();
    }

    Output.Format format() {
        return root().output;
    }

    PrintStream out() {
        return env.out();
    }

    PrintStream err() {
        return env.err();
    }

    Session session() {
        if (session == null) session = new Session(env, root().profile(), root().url);
        return session;
    }

    SimfleetClient client() {
        return session().client();
    }

    /** A write's answer: one line for people; its fields and the outcome for scripts. */
    void printOutcome(String done, Outcome outcome, Map<String, String> fields) {
        if (format() == Output.Format.table) {
            out().println(done + " (" + outcome.resultCode() + " " + outcome.resultDescription() + ")");
            out().flush();
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("resultCode", outcome.resultCode().toString());
        all.put("resultDescription", outcome.resultDescription());
        all.put("responseId", outcome.responseId());
        Output.object(out(), format(), all, all);
    }
}
