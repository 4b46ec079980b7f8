package io.simfleet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.RateLimitExceededException;
import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Per-account and login rate limits, on (as outside the demo) with small limits. */
@TestPropertySource(properties = {
        "simfleet.rate-limit.enabled=true",
        "simfleet.rate-limit.account-per-second=5",
        "simfleet.rate-limit.login-per-user-per-minute=3",
        "simfleet.rate-limit.login-per-address-per-minute=8",
        "simfleet.rate-limit.claim-failures-per-account-per-minute=3"})
class RateLimitTest extends ApiTestBase {
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void assert429(Resp r) {
        assertEquals(429, r.status(), r.raw());
        assertEquals("1", r.result());
        assertEquals("429", r.code());
        assertTrue(r.description().contains("rate limit exceeded"), r.raw());
    }

    /** Sends until refused; fixed windows let at most two windows' worth through first. */
    private static int untilRefused(java.util.function.Supplier<Resp> call, int limit) {
        for (int i = 0; i < 100 * limit; i++) {
            Resp r = call.get();
            if (r.status() == 429) {
                assert429(r);
                assertTrue(i >= limit && i <= 2 * limit, "refused after " + i + " requests, limit " + limit);
                return i;
            }
            assertFalse(r.raw().contains("rate limit"), r.raw());
        }
        throw new AssertionError("never refused");
    }

    @Test
    void anAccountOverItsRateIsRefusedWith429AndRetryAfterThenServedAgain() throws Exception {
        Api customer = as("customer");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://localhost:" + env.getRequiredProperty("local.server.port") + "/api/Ping"))
                .header("X-Authorization", "Bearer " + customer.token()).build();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            HttpResponse<String> r = http.send(ping, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) refused = r;
            else assertEquals(200, r.statusCode(), r.body());
        }
        assertNotNull(refused, "never refused");
        assert429(new Resp(429, Api.JSON.readTree(refused.body()), refused.body()));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter == 1, "Retry-After " + retryAfter);
        // another account is not affected
        assertEquals("10910", as("other").get("/api/Ping").code());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("10910", customer.get("/api/Ping").code());
    }

    @Test
    void loginAttemptsAreLimitedPerUserAndPerAddress() {
        untilRefused(() -> anon().loginRaw("prepaid", "prepaid", null), 3);
        // the refusal is about the rate, not the password: a right password is refused too, a wrong one is not counted as failed login
        assert429(anon().loginRaw("prepaid", "prepaid", null));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(200, anon().loginRaw("prepaid", "prepaid", null).status());
        // per address: several users from the same address (every test request comes from 127.0.0.1)
        clock.advance(Duration.ofMinutes(2));
        String[] users = {"travel", "oem", "other", "customer"};
        int[] i = {0};
        untilRefused(() -> anon().loginRaw(users[i[0]++ % users.length], "wrong-password-" + i[0], null), 8);
        clock.advance(Duration.ofMinutes(2));
    }

    /** ClaimSim (docs/network.md): wrong activation codes count per account; past the limit even a right code waits for the next window. */
    @Test
    void wrongActivationCodesAreLimitedPerAccount() {
        long now = clock.millis();
        clock.advance(Duration.ofMillis(60_000 - now % 60_000 + 100)); // a fresh minute: the logins below and the claims in one window
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        String iccid = t.iccids().get(0);
        String code = fx.admin().get("/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code").json().path("claimCode").asString();
        for (int i = 0; i < 3; i++) {
            t.api().post("/api/ClaimSim", Api.request("iccid", "8932042999999999999", "activationCode", code)).expect("10964");
            clock.advance(Duration.ofMillis(1100)); // under the account's 5 requests a second
        }
        Resp refused = t.api().post("/api/ClaimSim", Api.request("iccid", iccid, "activationCode", code));
        assert429(refused);
        assertTrue(refused.description().contains("wrong activation codes of this account"), refused.raw());
        assertEquals("Ready To Activate", t.api().get("/api/fetchSIM?iccid=" + iccid).response().path("responseParam").path("rows").get(0)
                .path("simStatus").asString());
        clock.advance(Duration.ofMinutes(1));
        t.api().post("/api/ClaimSim", Api.request("iccid", iccid, "activationCode", code)).expect("5014");
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void theCountIsSharedByEveryInstanceOfTheServer() {
        // two limiters on the same database, as two server instances would be: one count
        Instant now = Instant.now();
        Clock fixed = Clock.fixed(now.minusMillis(now.toEpochMilli() % 1000).plusMillis(500), ZoneOffset.UTC);
        RateLimiter first = new RateLimiter(jdbc, fixed);
        RateLimiter second = new RateLimiter(jdbc, fixed);
        String key = "test:" + System.nanoTime();
        for (int n = 0; n < 5; n++) (n % 2 == 0 ? first : second).acquire(key, 5, Duration.ofSeconds(1), "test");
        RateLimitExceededException e = assertThrows(RateLimitExceededException.class, () -> second.acquire(key, 5, Duration.ofSeconds(1), "test"));
        assertEquals(1, e.retryAfterSeconds());
        assertThrows(RateLimitExceededException.class, () -> first.acquire(key, 5, Duration.ofSeconds(1), "test"));
        // the next window starts afresh
        RateLimiter later = new RateLimiter(jdbc, Clock.offset(fixed, Duration.ofSeconds(1)));
        later.acquire(key, 5, Duration.ofSeconds(1), "test");
    }
}
