package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.BulkProvisioningRequest;
import io.simfleet.client.model.BulkSubmission;
import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.testing.FaultProxy;
import io.simfleet.client.testing.FaultProxy.Fault;
import io.simfleet.client.testing.Fixtures;
import io.simfleet.client.testing.TestServer;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries against the real server behind a proxy that fails chosen requests: reads and keyed
 * writes are sent again after a lost connection, 5xx, 429 (after its Retry-After) and 409; a write
 * without a key never is.
 */
class RetryTest {
    private static final TestServer SERVER = TestServer.shared();
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

    private FaultProxy proxy;
    private Fixtures.Tenant tenant;
    private SimfleetClient sft;

    @BeforeEach
    void proxy() throws Exception {
        tenant = new Fixtures(SERVER).enterprise(5);
        proxy = new FaultProxy(SERVER.port());
        sft = SimfleetClient.builder(proxy.baseUrl()).credentials(tenant.credentials()).retryPolicy(FAST).build();
        sft.login();
    }

    @AfterEach
    void close() throws Exception {
        proxy.close();
    }

    @Test
    void aReadIsRetriedAfter5xxAndALostConnection() {
        proxy.fail("GET /api/fetchApnGroup", Fault.STATUS_503, 2).fail("GET /api/fetchApnGroup", Fault.RESET_BEFORE, 1);
        assertFalse(sft.fetchApnGroup().isEmpty());
        assertTrue(proxy.seen("GET /api/fetchApnGroup") >= 4, proxy.seen().toString());
        assertEquals(1, proxy.forwarded("GET /api/fetchApnGroup"));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        proxy.fail("GET /api/GetTags", Fault.STATUS_429, 1);
        long started = System.nanoTime();
        sft.getTags();
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= 950, "waited the Retry-After of 1 s, not the 20 ms backoff: " + waited + " ms");
        assertEquals(2, proxy.seen("GET /api/GetTags"));
    }

    @Test
    void aRetryAfterLongerThanTheClientAcceptsEndsTheCall() {
        SimfleetClient impatient = SimfleetClient.builder(proxy.baseUrl()).credentials(tenant.credentials())
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ZERO)).build();
        proxy.fail("GET /api/GetTags", Fault.STATUS_429, 1);
        ServerException e = assertThrows(ServerException.class, impatient::getTags);
        assertEquals(429, e.httpStatus());
        assertEquals(SftException.Category.SERVER, e.category());
        assertEquals(1, proxy.seen("GET /api/GetTags"));
    }

    @Test
    void retriesEndAfterTheLastAttempt() {
        proxy.fail("GET /api/GetTags", Fault.STATUS_503, 10);
        ServerException e = assertThrows(ServerException.class, sft::getTags);
        assertEquals(503, e.httpStatus());
        assertEquals(ResultCode.INTERNAL_FAILURE, e.resultCode());
        assertEquals(4, proxy.seen("GET /api/GetTags"), "maxAttempts in all");
    }

    @Test
    void aWriteWithoutAKeyIsNeverSentTwice() {
        CreateEndpointRequest create = CreateEndpointRequest.builder().name("Once").apnGroupId(sft.fetchApnGroup().get(0).apnGroupId())
                .planId("DEFAULTPOST" + tenant.accountId()).roamingProfileId(sft.getRoamingProfiles(null).get(0).roamingProfileId()).build();
        proxy.fail("POST /api/CreateEndPoint", Fault.RESET_AFTER, 1);
        NetworkException lost = assertThrows(NetworkException.class, () -> sft.createEndpoint(create));
        assertEquals(SftException.Category.NETWORK, lost.category());
        assertTrue(lost.description().contains("may or may not have been carried out"), lost.description());
        assertEquals(1, proxy.seen("POST /api/CreateEndPoint"));
        assertEquals(1, sft.streamEndpoints(EndpointQuery.all()).count(), "the server did it once");

        proxy.fail("POST /api/CreateEndPoint", Fault.STATUS_503, 1);
        assertThrows(ServerException.class, () -> sft.createEndpoint(create));
        assertEquals(2, proxy.seen("POST /api/CreateEndPoint"), "a 503 is not retried either");
    }

    @Test
    void aKeyedWriteWhoseAnswerWasLostIsRetriedAndDoneOnce() {
        proxy.fail("POST /api/bulkProvisioning", Fault.RESET_AFTER, 1);
        BulkSubmission s = sft.bulkProvisioning(BulkProvisioningRequest.builder().endPointName("once", 1)
                .apnGroupId(sft.fetchApnGroup().get(0).apnGroupId()).planId("DEFAULTPOST" + tenant.accountId())
                .roamingProfileId(sft.getRoamingProfiles(null).get(0).roamingProfileId()).iccidList(tenant.iccids()).build());
        assertEquals(2, proxy.forwarded("POST /api/bulkProvisioning"), "both reached the server");
        assertTrue(s.outcome().replayed(), "the second was answered from the key");
        assertEquals(1, sft.fetchSimProvisioningDetails(null, null).size(), "one job");
    }

    @Test
    void everyWriteCarriesAKeyWhenAskedToAndIsThenRetried() {
        SimfleetClient keyed = SimfleetClient.builder(proxy.baseUrl()).credentials(tenant.credentials()).retryPolicy(FAST)
                .idempotentWrites(true).build();
        String apn = keyed.fetchApnGroup().get(0).apnGroupId();
        proxy.fail("POST /api/CreateEndPoint", Fault.RESET_AFTER, 1).fail("POST /api/CreateEndPoint", Fault.STATUS_503, 1);
        var created = keyed.createEndpoint(CreateEndpointRequest.builder().name("Keyed").apnGroupId(apn)
                .planId("DEFAULTPOST" + tenant.accountId()).roamingProfileId(keyed.getRoamingProfiles(null).get(0).roamingProfileId()).build());
        assertTrue(created.outcome().replayed());
        assertEquals(3, proxy.seen("POST /api/CreateEndPoint"));
        assertEquals(1, keyed.streamEndpoints(EndpointQuery.all()).count());
    }

    @Test
    void noServerAtAllIsANetworkFailureAfterTheRetries() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SimfleetClient nowhere = SimfleetClient.builder("http://127.0.0.1:" + closedPort).credentials(tenant.credentials())
                .retryPolicy(FAST).build();
        NetworkException e = assertThrows(NetworkException.class, nowhere::ping);
        assertEquals(0, e.httpStatus());
        assertTrue(e.description().contains("after 4 attempts"), e.description());
        assertEquals("POST /api/login", e.operation());
    }
}
