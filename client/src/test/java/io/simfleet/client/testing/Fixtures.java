package io.simfleet.client.testing;

import io.simfleet.client.Credentials;
import io.simfleet.client.Json;
import io.simfleet.client.SimfleetClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Fresh tenants for tests that change state, made through the server's operator API ({@code /admin},
 * as docs/admin-api.md describes it, plain JSON with the operator's token from the SDK): an
 * enterprise under the demo reseller, its user, and SIMs Ready To Activate. ICCIDs and names come
 * from counters seeded per JVM, so tests and test runs never collide.
 */
public final class Fixtures {
    public static final String RESELLER = "31077026";
    private static final AtomicLong SEQ = new AtomicLong((System.currentTimeMillis() / 1000 % 100_000) * 10_000);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String baseUrl;
    private final SimfleetClient admin;

    public Fixtures(TestServer server) {
        this.baseUrl = server.baseUrl();
        this.admin = SimfleetClient.builder(baseUrl).credentials(Credentials.of("admin", "admin")).build();
    }

    /** A tenant: its account id, its user's login, the ICCIDs of its SIMs (consecutive). */
    public record Tenant(String accountId, String username, String password, List<String> iccids) {
        public Credentials credentials() {
            return Credentials.of(username, password);
        }
    }

    /** A postpaid enterprise with {@code sims} consecutive SIMs. */
    public Tenant enterprise(int sims) {
        String user = "sdk" + SEQ.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parentAccountId", Long.parseLong(RESELLER));
        body.put("name", "Tenant " + user);
        body.put("username", user);
        body.put("password", "secret-" + user);
        JsonNode account = adminCall("POST", "/admin/enterprises", body);
        String id = account.path("id").asString();
        List<String> iccids = sims > 0 ? importSims(id, sims) : List.of();
        return new Tenant(id, user, "secret-" + user, iccids);
    }

    /** Imports {@code n} consecutive SIMs (in batches within the body limit) and answers their ICCIDs. */
    public List<String> importSims(String accountId, int n) {
        List<String> iccids = new ArrayList<>();
        long first;
        synchronized (SEQ) {
            first = SEQ.getAndAdd(n + 1L) + 1;
        }
        for (int from = 0; from < n; from += 5000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 5000); i++) {
                long k = first + i;
                String iccid = Long.toString(8932049000000000000L + k);
                iccids.add(iccid);
                Map<String, Object> sim = new LinkedHashMap<>();
                sim.put("iccid", iccid);
                sim.put("masterImsi", Long.toString(206289500000000L + k));
                sim.put("msisdn", Long.toString(327795000000000L + k));
                sim.put("product", "IR1-1EU28-Multi");
                batch.add(sim);
            }
            adminCall("POST", "/admin/accounts/" + accountId + "/sims", Map.of("sims", batch));
        }
        return iccids;
    }

    /** The master IMSI of a SIM {@link #importSims} made. */
    public static String imsi(String iccid) {
        return Long.toString(Long.parseLong(iccid) - 8932049000000000000L + 206289500000000L);
    }

    /**
     * A plan of the tenant's catalog ({@code POST /admin/accounts/{id}/plans}) on its first roaming
     * profile and service profile; {@code fields} (JSON numbers as numbers: the operator API binds
     * strictly) add to or override {@code planId}, {@code name} (both {@code planId}) and
     * {@code category} NORMAL. Answers the plan as the operator API wrote it.
     */
    public JsonNode plan(Tenant t, String planId, Map<String, Object> fields) {
        SimfleetClient sft = SimfleetClient.builder(baseUrl).credentials(t.credentials()).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        body.put("name", planId);
        body.put("category", "NORMAL");
        body.put("roamingProfileIds", List.of(Long.parseLong(sft.queryRatePlan("NORMAL", null).get(0).basicInfo().destGroupId().split(",")[0])));
        body.put("serviceProfileId", sft.getServiceProfile(null).get(0).profileId());
        body.putAll(fields);
        return adminCall("POST", "/admin/accounts/" + t.accountId() + "/plans", body);
    }

    /** A VSlice of the tenant ({@code POST /admin/accounts/{id}/vslices}): answers its id. */
    public String vslice(Tenant t, String subnet) {
        return adminCall("POST", "/admin/accounts/" + t.accountId() + "/vslices", Map.of("name", unique("slice"), "subnet", subnet))
                .path("id").asString();
    }

    /** The activation code printed on one of the tenant's SIMs ({@code GET /admin/accounts/{id}/sims/{iccid}/claim-code}). */
    public String claimCode(Tenant t, String iccid) {
        return adminCall("GET", "/admin/accounts/" + t.accountId() + "/sims/" + iccid + "/claim-code", null).path("claimCode").asString();
    }

    /** A unique id for a plan, a record, a name: {@code prefix} and a number no other test of the JVM gets. */
    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    /** An operator API call; the operator API answers plain JSON, not the envelope. */
    private JsonNode adminCall(String method, String path, Object body) {
        String token = admin.tokens().isPresent() ? admin.tokens().get().accessToken() : admin.login().accessToken();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header("X-Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
