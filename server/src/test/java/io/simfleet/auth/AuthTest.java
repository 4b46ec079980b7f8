package io.simfleet.auth;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class AuthTest extends ApiTestBase {
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static JsonNode part(String jwt, int i) {
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8));
    }

    private void assert401(Resp r) {
        assertEquals(401, r.status(), r.raw());
        assertEquals("1", r.result());
        assertEquals("401", r.code());
        assertFalse(r.raw().contains("Exception"));
    }

    @Test
    void loginAnswersTwoHs512TokensWithTheDocumentedClaims() {
        Resp r = anon().loginRaw("customer", "customer", null);
        assertEquals(200, r.status());
        assertTrue(r.json().path("Response").isMissingNode(), "login answers without the envelope");
        String access = r.json().path("AccessToken").asString();
        assertEquals("HS512", part(access, 0).path("alg").asString());
        JsonNode claims = part(access, 1);
        assertEquals("customer", claims.path("sub").asString());
        assertEquals("41078552", claims.path("scopes").asString());
        assertEquals("simfleet", claims.path("iss").asString());
        long iat = claims.path("iat").asLong();
        long exp = claims.path("exp").asLong();
        assertEquals(3600, exp - iat);
        JsonNode refresh = part(r.json().path("RefreshToken").asString(), 1);
        assertEquals(24 * 3600, refresh.path("exp").asLong() - refresh.path("iat").asLong());
        // the standard Authorization header works as well as X-Authorization
        Resp viaStandard = anon().send("GET", "/api/fetchApnGroup", null, "Authorization", "Bearer " + access);
        assertEquals("10901", viaStandard.code());
    }

    @Test
    void missingForgedExpiredOrWrongKindOfTokenIs401WithTheEnvelope() {
        assert401(anon().get("/api/GetEndpoints"));
        Api customer = as("customer");
        String token = customer.token();
        String[] p = token.split("\\.");
        // a token whose claims were changed keeps the old signature: forged
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                part(token, 1).toString().replace("41078552", "41078555").getBytes(StandardCharsets.UTF_8));
        assert401(anon().withToken(p[0] + "." + forgedClaims + "." + p[2]).get("/api/GetEndpoints"));
        assert401(anon().withToken("not-a-jwt").get("/api/GetEndpoints"));
        // signed with the HS256 "none"-style trick: header changed
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assert401(anon().withToken(noneHeader + "." + p[1] + ".").get("/api/GetEndpoints"));
        // a refresh token is not an access token
        String refresh = anon().loginRaw("customer", "customer", null).json().path("RefreshToken").asString();
        assert401(anon().withToken(refresh).get("/api/GetEndpoints"));
        // expired
        assertEquals("6742", customer.get("/api/GetEndpoints").code());
        clock.advance(Duration.ofMinutes(61));
        assert401(customer.get("/api/GetEndpoints"));
    }

    @Test
    void refreshTokenGivesANewPair() {
        Resp login = anon().loginRaw("customer", "customer", null);
        String refresh = login.json().path("RefreshToken").asString();
        clock.advance(Duration.ofMinutes(90)); // the access token has expired, the refresh token has not
        assert401(anon().withToken(login.json().path("AccessToken").asString()).get("/api/fetchApnGroup"));
        Resp renewed = anon().withToken(refresh).get("/api/RefreshToken");
        assertEquals(200, renewed.status(), renewed.raw());
        String access = renewed.json().path("AccessToken").asString();
        assertNotEquals("", access);
        assertEquals("10901", anon().withToken(access).get("/api/fetchApnGroup").code());
        // an access token cannot refresh
        assert401(anon().withToken(access).get("/api/RefreshToken"));
        clock.advance(Duration.ofHours(25));
        assert401(anon().withToken(refresh).get("/api/RefreshToken"));
    }

    @Test
    void badCredentialsAndBlockingAfterFiveFailures() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(0);
        Resp unknown = anon().loginRaw("nobody-" + t.username(), "x", null);
        assertEquals("10126", unknown.code());
        assertEquals("1", unknown.result());
        for (int i = 1; i <= 4; i++) {
            assertEquals("10126", anon().loginRaw(t.username(), "wrong", null).code(), "failure " + i);
        }
        assertEquals("11044", anon().loginRaw(t.username(), "wrong", null).code(), "the 5th failure blocks");
        assertEquals("11044", anon().loginRaw(t.username(), "secret", null).code(), "blocked even with the right password");
        clock.advance(Duration.ofMinutes(16));
        assertTrue(anon().loginRaw(t.username(), "secret", null).json().has("AccessToken"));
        // the success reset the counter: four more failures do not block
        for (int i = 1; i <= 4; i++) anon().loginRaw(t.username(), "wrong", null);
        assertTrue(anon().loginRaw(t.username(), "secret", null).json().has("AccessToken"));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'customer'", String.class);
        assertTrue(hash.startsWith("$2"), hash);
        assertFalse(hash.contains("customer"));
    }

    @Test
    void resellerIsRefusedOnEndpointCallsButMayUseSupportAccess() {
        Api reseller = as("reseller");
        for (String path : new String[] {"/api/GetEndpoints", "/api/fetchSIM", "/api/fetchApnGroup", "/api/QueryRatePlan",
                "/api/GetEndPointProfile?endPointId=51368592", "/api/fetchICCIDForProvisioning", "/api/GetTags"}) {
            Resp r = reseller.get(path);
            assertEquals("10002", r.code(), path);
            assertEquals("1", r.result());
        }
        assertEquals("10002", reseller.post("/api/CreateEndPoint", map()).code());
        assertEquals("10907", reseller.get("/api/GetCustomerProfile").code());

        // support access into a child enterprise: acts inside it, and the access is logged there
        Resp login = anon().loginRaw("reseller", "reseller", 41078555L);
        assertEquals(200, login.status(), login.raw());
        String token = login.json().path("AccessToken").asString();
        assertEquals("41078555", part(token, 1).path("scopes").asString());
        assertEquals("reseller", part(token, 1).path("sub").asString());
        Resp sims = anon().withToken(token).get("/api/fetchSIM");
        assertEquals("10021", sims.code());
        assertEquals("41078555", sims.response().path("responseParam").path("rows").get(0).path("accountId").asString());
        JsonNode activity = new Fixtures(anon()).admin().get("/admin/accounts/41078555/activity").json();
        boolean logged = false;
        for (JsonNode a : activity) {
            logged |= a.path("action").asString().equals("SUPPORT_ACCESS") && a.path("actorUsername").asString().equals("reseller");
        }
        assertTrue(logged, activity.toString());

        // a non-descendant, an unknown account, or an enterprise user asking for support access: 10117
        assertEquals("10117", anon().loginRaw("reseller", "reseller", 10000001L).code());
        assertEquals("10117", anon().loginRaw("reseller", "reseller", 99999999L).code());
        assertEquals("10117", anon().loginRaw("customer", "customer", 41078555L).code());
    }
}
