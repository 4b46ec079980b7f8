package io.simfleet.cli;

import io.simfleet.client.SftException;

/** The exit codes scripts can rely on (docs/sdk-cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything unexpected: a bug, a file that cannot be written. */
    public static final int ERROR = 1;
    /** The command line itself is wrong (picocli's usage error). */
    public static final int USAGE = 2;
    /** The server refused the request (resultCode "1"): bad input, or a state that does not allow it. */
    public static final int REFUSED = 3;
    /** The server says the thing named does not exist. */
    public static final int NOT_FOUND = 4;
    /** Not logged in, bad credentials, a session that expired, or a call the account may not make. */
    public static final int AUTH = 5;
    /** The server could not be reached, or did not answer in time. */
    public static final int NETWORK = 6;
    /** The server failed (HTTP 5xx), kept refusing the rate (429), or is not a simfleet / SFT server. */
    public static final int SERVER = 7;
    /** A bulk job ended Partial or Fail: see its summary and results; or usage ingest had records refused. */
    public static final int JOB_FAILED = 8;
    /** Interrupted (Ctrl-C, 128 + SIGINT); a bulk job keeps running on the server. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    static int of(SftException e) {
        switch (e.category()) {
            case REFUSED:
                return REFUSED;
            case NOT_FOUND:
                return NOT_FOUND;
            case AUTH:
                return AUTH;
            case NETWORK:
                return NETWORK;
            default:
                return SERVER;
        }
    }
}
