package io.simfleet.config;

import sun.misc.Signal;

/**
 * For {@code ./mvnw -pl server spring-boot:run} only (server/pom.xml sets the system property
 * {@value #PROPERTY}): a SIGTERM stops the server as it always does — graceful shutdown, then the
 * embedded PostgreSQL — but the process exits with 0 instead of the JVM's 143. The Maven plugin
 * reports any exit code but 0 and 130 (SIGINT, Ctrl-C) as a {@code BUILD FAILURE}, which made an
 * orderly stop ({@code kill}, an IDE's stop button) look like a crash. The jar run any other way
 * keeps the JVM's usual exit codes.
 */
public final class StopSignal {
    public static final String PROPERTY = "simfleet.sigterm-exits-zero";

    private StopSignal() {}

    public static void installIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        // System.exit runs the same shutdown hooks as the JVM's own SIGTERM handler (Spring's graceful close among them)
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
