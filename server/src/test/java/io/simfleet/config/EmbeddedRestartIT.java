package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.SimfleetApplication;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.LocalAddresses;
import io.simfleet.testkit.Resp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server as the README starts it: embedded PostgreSQL in a data directory, demo data, a
 * generated JWT secret and database password. Everything written survives a stop and a start, and the database is
 * stopped with the server.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedRestartIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments: they win over application.yml and the environment
        return new SpringApplicationBuilder(SimfleetApplication.class).run("--server.port=0",
                "--simfleet.data-dir=" + dataDir, "--simfleet.db.url=", "--simfleet.jwt-secret=", "--simfleet.demo-data=");
    }

    private static Api api(ConfigurableApplicationContext ctx) {
        return new Api(Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** The port answers on 127.0.0.1 and on no other address of this machine. */
    private static void assertLoopbackOnly(ConfigurableApplicationContext ctx) throws IOException {
        int port = Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        Optional<InetAddress> outside = LocalAddresses.nonLoopback();
        if (outside.isPresent()) {
            try (Socket s = new Socket()) {
                assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(outside.get(), port), 2000),
                        "nothing listens on " + outside.get());
            }
        }
    }

    @Test
    void dataAndSecretSurviveARestart(@TempDir Path dir, CapturedOutput log) throws Exception {
        String endpointId;
        String token;
        try (ConfigurableApplicationContext first = start(dir)) {
            assertLoopbackOnly(first); // demo data on, no server.address
            assertTrue(log.getOut().contains("HTTP server binds to 127.0.0.1 only, because the demo data is on"), "says where and why");
            assertTrue(log.getOut().contains("DEMO DATA IS ON: the demo users' passwords are public"), "warns about the passwords");
            Api customer = api(first).login("customer", "customer");
            token = customer.token();
            Resp created = customer.post("/api/CreateEndPoint", Map.of("Request", Map.of("requestParam", Map.of(
                    "name", "Endpoint", "apnGroupId", "PDP_1108", "roamingProfileId", "358", "isLinkSIM", "true",
                    "iccid", "8932042000000015191", "isDefaultActivation", "true", "planId", "DEFAULTPOST41078552")))).expect("5014");
            endpointId = created.response().path("endPointId").asString();
        }
        assertTrue(Files.exists(dir.resolve("jwt-secret")), "the generated secret is kept");
        assertTrue(Files.exists(dir.resolve("db-password")), "so is the generated database password");
        assertTrue(Files.isDirectory(dir.resolve("pg")));
        assertTrue(!Files.exists(dir.resolve("pg").resolve("postmaster.pid")), "PostgreSQL was stopped with the server");

        try (ConfigurableApplicationContext second = start(dir)) {
            Api customer = api(second).withToken(token); // same secret: the old token still works
            Resp list = customer.get("/api/GetEndpoints").expect("6742");
            assertEquals("2", list.response().path("totalNoOfRecords").asString(), "the demo data is not loaded twice");
            assertEquals(endpointId, list.response().path("responseParam").path("endpoints").get(1).path("id").asString());
            Resp sim = customer.get("/api/fetchSIM?iccid=8932042000000015191").expect("10021");
            assertEquals("Active", sim.response().path("responseParam").path("rows").get(0).path("simStatus").asString());
            assertEquals(endpointId, sim.response().path("responseParam").path("rows").get(0).path("endPointId").asString());
        }
    }
}
