package io.simfleet.testkit;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A whole server in a child JVM, on a database schema of the test's choosing, so that tests can
 * run several instances side by side and kill one with SIGKILL.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server on {@code dbUrl} and waits until it answers logins. */
    public static ServerProcess start(String dbUrl, boolean demoData, Path logFile) throws IOException, InterruptedException {
        return start(dbUrl, demoData, logFile, Map.of());
    }

    /** Same, with these environment variables added to the server's (e.g. {@code SIMFLEET_LOG_FORMAT}). */
    public static ServerProcess start(String dbUrl, boolean demoData, Path logFile, Map<String, String> env)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
                "io.simfleet.SimfleetApplication",
                "--server.port=" + port,
                "--simfleet.db.url=" + dbUrl,
                "--simfleet.db.user=" + TestDatabase.user(),
                "--simfleet.db.password=" + TestDatabase.password(),
                "--simfleet.db.pool-size=8",
                "--simfleet.jwt-secret=" + SimfleetTestInitializer.JWT_SECRET,
                "--simfleet.demo-data=" + demoData,
                "--simfleet.jobs.poll-interval=200ms"));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        ServerProcess server = new ServerProcess(p, port, logFile);
        server.awaitReady(demoData ? "travel" : "admin");
        return server;
    }

    /** Ready when {@code user} (password = name) can log in: the demo data is loaded after the web server starts. */
    private void awaitReady(String user) {
        await("server on port " + port + " ready; see " + log).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .failFast("server exited; see " + log, () -> !process.isAlive())
                .ignoreExceptions() // not listening yet
                .until(() -> api().loginRaw(user, user, null).json().has("AccessToken"));
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no graceful stop; open transactions are rolled back by PostgreSQL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) kill();
        }
    }

    public static Path logFile(String name) {
        return new File(System.getProperty("java.io.tmpdir"), "simfleet-" + name + "-" + ProcessHandle.current().pid() + ".log").toPath();
    }
}
