package io.simfleet.client.testing;

import io.simfleet.SimfleetApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real simfleet server, started once per test JVM as a user starts it: {@code SimfleetApplication}
 * on a random port, its embedded PostgreSQL in a fresh temporary data directory, the demo data on
 * (customer, travel, admin …). Stopped and its data directory deleted when the JVM exits.
 */
public final class TestServer {
    private static TestServer shared;

    private final ConfigurableApplicationContext context;
    private final int port;
    private final Path dataDir;

    private TestServer(ConfigurableApplicationContext context, int port, Path dataDir) {
        this.context = context;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** The JVM's server, started on first use. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = start();
            TestServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "simfleet-test-server-stop"));
        }
        return shared;
    }

    private static TestServer start() {
        try {
            Path dataDir = Files.createTempDirectory("simfleet-sdk-test");
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SimfleetApplication.class).run(
                    "--server.port=0",
                    "--simfleet.data-dir=" + dataDir,
                    "--simfleet.db.url=", // the embedded database, whatever the environment says
                    "--simfleet.jwt-secret=",
                    "--simfleet.demo-data=true",
                    "--simfleet.rate-limit.enabled=false",
                    "--simfleet.jobs.poll-interval=200ms");
            Integer port = ctx.getEnvironment().getProperty("local.server.port", Integer.class);
            if (port == null) throw new IllegalStateException("the server did not say its port");
            return new TestServer(ctx, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} (a server with demo data listens on loopback only). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void stop() {
        try {
            context.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory; the JVM is exiting
            }
        }
    }
}
