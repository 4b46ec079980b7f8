package io.simfleet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.simfleet.client.SimfleetClient;
import io.simfleet.client.model.JobState;
import io.simfleet.client.testing.FaultProxy;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as a user runs it: the launcher script cli/simfleet over target/simfleet.jar, in a process of its own. */
class LauncherIT {
    private static final TestServer SERVER = TestServer.shared();
    private static final Path LAUNCHER = Path.of("simfleet").toAbsolutePath();

    @TempDir
    Path dir;

    private ProcessBuilder launcher(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SIMFLEET_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String stdin, Map<String, String> env, String... args) throws Exception {
        Process p = launcher(env, args).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        Collector out = new Collector(p.getInputStream());
        Collector err = new Collector(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI ended");
        return new Run(p.exitValue(), out.text(), err.text());
    }

    @Test
    void theLauncherRunsTheJar() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), "cli/simfleet is executable");
        Run version = run("", Map.of(), "--version");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("simfleet 0."), version.out());

        Run login = run("customer\n", Map.of(), "login", "--url", SERVER.baseUrl(), "-u", "customer", "--password-stdin");
        assertEquals(0, login.exit(), login.err());
        Run list = run("", Map.of(), "endpoints", "list", "--output", "csv");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("51368592,")), "the walkthrough's endpoint:\n" + list.out());

        Run missing = run("", Map.of(), "endpoints", "get", "1");
        assertEquals(ExitCodes.NOT_FOUND, missing.exit());
        assertTrue(missing.err().startsWith("error: 1083 Get endpoint profile failure"), missing.err());
    }

    @Test
    void ctrlCLeavesTheJobRunningAndSaysHowToFollowIt() throws Exception {
        // a build started in the background by a shell without job control (`mvn verify &`)
        // inherits SIGINT ignored, and so does every process it starts: no Ctrl-C can reach the CLI
        assumeFalse(sigintIgnored(), "SIGINT is ignored by this build's process (started in the background "
                + "without job control): Ctrl-C cannot be delivered to the CLI it starts");
        Fixtures.Tenant t = new Fixtures(SERVER).enterprise(200);
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            proxy.fail("GET /api/getJobStatus", FaultProxy.Fault.HANG, 1000); // the CLI waits for ever
            Process p = launcher(Map.of("SIMFLEET_URL", proxy.baseUrl(), "SIMFLEET_USERNAME", t.username(), "SIMFLEET_PASSWORD", t.password()),
                    "bulk", "provision", "--start", t.iccids().get(0), "--quantity", "200", "--name", "sig", "--progress", "lines").start();
            p.getOutputStream().close();
            Collector out = new Collector(p.getInputStream());
            Collector err = new Collector(p.getErrorStream());
            Matcher submitted = Pattern.compile("submitted job (\\d+)").matcher("");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!submitted.reset(err.text()).find() || proxy.seen("GET /api/getJobStatus") == 0) {
                assertTrue(p.isAlive(), "the CLI waits: " + err.text());
                assertTrue(System.currentTimeMillis() < deadline, "submitted within a minute: " + err.text());
                Thread.sleep(50);
            }
            String job = submitted.group(1);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Ctrl-C ends the CLI");
            assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), err.text());
            assertTrue(err.text().contains("Interrupted: the server goes on with job " + job), err.text());
            assertTrue(err.text().contains("Follow it with: simfleet bulk status " + job + " --wait"), err.text());
            assertEquals("", out.text());

            SimfleetClient sdk = SimfleetClient.builder(SERVER.baseUrl()).credentials(t.credentials()).build();
            assertEquals(JobState.SUCCESS, sdk.awaitJob(job, null).state(), "the job went on and ended on the server");
            assertEquals(200, sdk.getJobStatus(job).successCount());
        }
    }

    /** Whether this JVM was started with SIGINT ignored (Linux: the SigIgn mask of /proc/self/status). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
        }
        return false;
    }

    /** Reads a process's stream on a thread of its own. */
    private static final class Collector {
        private final StringBuffer text = new StringBuffer();

        Collector(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String text() {
            return text.toString();
        }
    }
}
