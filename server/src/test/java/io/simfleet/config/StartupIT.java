package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.SimfleetApplication;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.Resp;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh server answers no request before it can serve it: a client that keeps logging in while
 * the server starts on a new data directory (embedded PostgreSQL, migrations, demo data) gets
 * refused connections until the port opens, and then only successful logins; never the
 * {@code 10126} of a login that reached a server whose demo users did not exist yet.
 */
class StartupIT {

    @Test
    void theFirstAnsweredLoginOfAFreshServerSucceeds(@TempDir Path dataDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread client = new Thread(() -> {
            Api api = new Api(port);
            while (!done.get()) {
                try {
                    Resp r = api.loginRaw("customer", "customer", null);
                    answers.add(r.json().has("AccessToken") ? "token" : r.status() + " " + r.raw());
                } catch (RuntimeException | AssertionError notListening) {
                    // the port is not open yet
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        client.start();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SimfleetApplication.class).run("--server.port=" + port,
                "--simfleet.data-dir=" + dataDir, "--simfleet.db.url=", "--simfleet.jwt-secret=", "--simfleet.demo-data=");
        try {
            Resp after = new Api(port).loginRaw("customer", "customer", null);
            assertEquals(true, after.json().has("AccessToken"), after.raw());
        } finally {
            done.set(true);
            client.join();
            ctx.close();
        }
        assertFalse(answers.isEmpty(), "the client got answers once the port was open");
        assertEquals(List.of(), answers.stream().filter(a -> !a.equals("token")).toList(), "answers before the server could serve");
    }
}
