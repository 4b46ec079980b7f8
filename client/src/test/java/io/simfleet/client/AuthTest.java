package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.testing.FaultProxy;
import io.simfleet.client.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Login, refresh before expiry, renewal after a 401, and tokens kept out of logs. */
class AuthTest {
    private static final TestServer SERVER = TestServer.shared();

    @Test
    void logsInOnFirstUseAndHandsTheTokensToTheListener() {
        List<Tokens> seen = new CopyOnWriteArrayList<>();
        SimfleetClient c = SimfleetClient.builder(SERVER.baseUrl() + "/api").credentials(Credentials.of("customer", "customer"))
                .tokenListener(seen::add).build();
        assertTrue(c.tokens().isEmpty());
        assertEquals("customer", c.ping().username());
        assertEquals(1, seen.size());
        assertEquals(seen.get(0), c.tokens().orElseThrow());
        assertTrue(seen.get(0).accessExpiresAt().isAfter(Instant.now()), "a JWT with its expiry");
        assertTrue(seen.get(0).refreshExpiresAt().isAfter(seen.get(0).accessExpiresAt()));
        c.ping();
        assertEquals(1, seen.size(), "a valid token is reused");
    }

    @Test
    void badCredentialsAreAnAuthFailureWithTheServersCode() {
        SimfleetClient c = SimfleetClient.builder(SERVER.baseUrl()).credentials(Credentials.of("nobody-here", "wrong")).build();
        AuthException e = assertThrows(AuthException.class, c::ping);
        assertEquals(ResultCode.BAD_CREDENTIALS, e.resultCode());
        assertEquals(SftException.Category.AUTH, e.category());
        assertEquals("POST /api/login", e.operation());
        assertFalse(e.getMessage().contains("wrong"), "the password is not in the message");

        SimfleetClient support = SimfleetClient.builder(SERVER.baseUrl())
                .credentials(Credentials.of("reseller", "reseller", "99999999")).build();
        assertEquals(ResultCode.WRONG_TARGET_ACCOUNT, assertThrows(AuthException.class, support::ping).resultCode());
        SimfleetClient inside = SimfleetClient.builder(SERVER.baseUrl())
                .credentials(Credentials.of("reseller", "reseller", "41078552")).build();
        assertEquals("41078552", inside.ping().accountId(), "support access acts in the enterprise");
    }

    @Test
    void aRefusedTokenIsRenewedByLoggingInAgainAndTheCallSentOnce() throws Exception {
        List<Tokens> seen = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient c = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("customer", "customer"))
                    .tokens(new Tokens("revoked-or-forged", null)).tokenListener(seen::add).build();
            assertEquals("41078552", c.ping().accountId());
            assertEquals(List.of("GET /api/Ping", "POST /api/login", "GET /api/Ping"), proxy.seen());
            assertEquals(1, seen.size());
            assertNotEquals("revoked-or-forged", c.tokens().orElseThrow().accessToken());
        }
    }

    @Test
    void aRefusedTokenIsRenewedWithTheRefreshTokenWhenThereAreNoCredentials() throws Exception {
        Tokens real = SimfleetClient.builder(SERVER.baseUrl()).credentials(Credentials.of("customer", "customer")).build().login();
        List<Tokens> seen = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient c = SimfleetClient.builder(proxy.baseUrl()).tokens(new Tokens("expired", real.refreshToken()))
                    .tokenListener(seen::add).build();
            assertEquals("customer", c.ping().username());
            assertEquals(List.of("GET /api/Ping", "GET /api/RefreshToken", "GET /api/Ping"), proxy.seen());
            assertEquals(1, seen.size());
        }
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedBeforeTheCall() throws Exception {
        // a clock 59.5 minutes ahead: the 60-minute access token has 30 s left, the 24-hour refresh token is fine
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(59).plusSeconds(45));
        List<Tokens> seen = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            SimfleetClient c = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("customer", "customer"))
                    .clock(later).refreshAhead(Duration.ofMinutes(1)).tokenListener(seen::add).build();
            c.login();
            c.ping();
            assertEquals(List.of("POST /api/login", "GET /api/RefreshToken", "GET /api/Ping"), proxy.seen());
            assertEquals(2, seen.size());
        }
    }

    @Test
    void aSessionThatCannotBeRenewedIsAnAuthFailure() {
        SimfleetClient c = SimfleetClient.builder(SERVER.baseUrl()).tokens(new Tokens("expired", "also-expired")).build();
        AuthException e = assertThrows(AuthException.class, c::ping);
        assertEquals(ResultCode.UNAUTHORIZED, e.resultCode());
        assertEquals(401, e.httpStatus());
        SimfleetClient none = SimfleetClient.builder(SERVER.baseUrl()).build();
        assertTrue(assertThrows(AuthException.class, none::ping).description().contains("not logged in"));
    }

    @Test
    void noTokenNorPasswordReachesTheLog() throws Exception {
        Logger logger = Logger.getLogger("io.simfleet.client");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try (FaultProxy proxy = new FaultProxy(SERVER.port())) {
            proxy.fail("GET /api/fetchApnGroup", FaultProxy.Fault.STATUS_503, 1);
            SimfleetClient c = SimfleetClient.builder(proxy.baseUrl()).credentials(Credentials.of("customer", "customer"))
                    .tokens(new Tokens("stale-token-value", null))
                    .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5))).build();
            c.fetchApnGroup();
            String token = c.tokens().orElseThrow().accessToken();
            assertTrue(lines.stream().anyMatch(l -> l.contains("GET /api/fetchApnGroup") && l.contains("HTTP 503")),
                    "requests and retries are logged: " + lines);
            for (String line : lines) {
                assertFalse(line.contains(token) || line.contains("stale-token-value") || line.contains("customer\""), line);
                assertFalse(line.contains("Bearer"), line);
            }
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }
}
