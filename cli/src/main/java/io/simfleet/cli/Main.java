package io.simfleet.cli;

import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** {@code java -jar simfleet.jar …}, as the launcher {@code cli/simfleet} runs it. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Env env = Env.system();
        quietLog(env, Arrays.asList(args).contains("--debug"));
        System.exit(SimfleetCommand.run(env, args));
    }

    /**
     * The SDK logs through System.Logger (java.util.logging here): its retry notices become one
     * line on standard error ("simfleet: GET /api/fetchSIM: HTTP 503; attempt 2 of 4 in 180 ms"),
     * and with --debug every request's method, path, status and time. Never a token: the SDK
     * logs none.
     */
    private static void quietLog(Env env, boolean debug) {
        Logger sdk = Logger.getLogger("io.simfleet.client");
        sdk.setUseParentHandlers(false);
        sdk.setLevel(debug ? Level.FINE : Level.WARNING);
        sdk.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) env.err().println("simfleet: " + r.getMessage());
            }

            @Override
            public void flush() {
                env.err().flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
