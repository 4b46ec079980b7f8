package io.simfleet.endpoint;

import static io.simfleet.endpoint.LifecycleSupport.*;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.endpoint.EndpointEvent.EndpointActivated;
import io.simfleet.endpoint.EndpointEvent.EndpointCreated;
import io.simfleet.endpoint.EndpointEvent.EndpointModified;
import io.simfleet.endpoint.EndpointEvent.PlanChanged;
import io.simfleet.endpoint.EndpointEvent.SimLinked;
import io.simfleet.network.NetworkCommand;
import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.FakeNetwork;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The typed events and their outbox: every change is stored as a typed event in its
 * transaction, with a per-account position that is gap-free in commit order, and the network
 * hears of the changes that concern it after commit, in order, retried while it fails.
 */
class EventOutboxTest extends ApiTestBase {
    @Autowired
    EventStream stream;

    @Autowired
    FakeNetwork network;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyChangeIsATypedEventWithTheNextPositionOfItsAccount() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(2);
        fx.normalPlan(t, "GOLD" + t.accountId());
        long ep = Fixtures.endpoint(t, t.iccids().get(0), true);
        modify(t, ep, "endPointName", "Renamed endpoint", "planId", "GOLD" + t.accountId()).expect("10068");
        modify(t, ep, "planId", "NO-SUCH-PLAN").expect("1001"); // refused: no event, no position used

        List<EndpointHistoryEntry> events = stream.after(t.accountId(), 0, 100);
        assertEquals(LongStream.rangeClosed(1, events.size()).boxed().toList(), events.stream().map(EndpointHistoryEntry::position).toList(),
                "positions 1..n without gaps");
        assertEquals(List.of(EndpointCreated.class, SimLinked.class, EndpointActivated.class, PlanChanged.class, EndpointModified.class),
                events.stream().map(e -> e.event().getClass()).toList());
        PlanChanged planChanged = (PlanChanged) events.get(3).event();
        assertEquals(t.postPlan(), planChanged.before());
        assertEquals("GOLD" + t.accountId(), planChanged.after());
        EndpointModified modified = (EndpointModified) events.get(4).event();
        assertEquals(List.of("endPointName", "planId"), modified.changed());
        assertEquals("Renamed endpoint", modified.after().get("name"));
        assertEquals(t.iccids().get(0), modified.iccid());
        // the wire keeps its columns: the call and the detail GetEndpointEvents has always shown
        assertEquals("ChangePlan", events.get(3).call());
        assertEquals("endPointName,planId", events.get(4).detail());
        long stored = jdbc.queryForObject("SELECT count(*) FROM endpoint_event WHERE account_id = ? AND payload_version = ? AND payload IS NOT NULL",
                Long.class, t.accountId(), EndpointEvent.VERSION);
        assertEquals(events.size(), stored);
    }

    @Test
    void concurrentWritersOfOneAccountGetGapFreePositions() throws Exception {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(24);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String iccid = t.iccids().get(i);
                created.add(pool.submit(() -> Fixtures.endpoint(t, iccid, true)));
            }
            for (Future<Long> f : created) f.get();
        } finally {
            pool.shutdownNow();
        }
        List<EndpointHistoryEntry> events = stream.after(t.accountId(), 0, 1000);
        assertEquals(24 * 3, events.size());
        assertEquals(LongStream.rangeClosed(1, 72).boxed().toList(), events.stream().map(EndpointHistoryEntry::position).toList());
        // one endpoint's events are contiguous: each creation committed its three at once
        for (int i = 0; i < events.size(); i += 3) {
            long endpoint = events.get(i).endpointId();
            assertInstanceOf(EndpointCreated.class, events.get(i).event());
            assertEquals(endpoint, events.get(i + 2).endpointId());
        }
        assertEquals(72L, jdbc.queryForObject("SELECT position FROM event_stream WHERE account_id = ?", Long.class, t.accountId()));
    }

    @Test
    void theNetworkHearsOfEachChangeAfterCommitInOrder() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(2);
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        String imsi = imsi(t, iccid);
        lifecycle(t, ep, "S").expect("5017");
        modify(t, ep, "bar_SMS_MO", "true").expect("10068");
        modify(t, ep, "endPointName", "Only a name").expect("10068"); // nothing for the network
        lifecycle(t, ep, "A").expect("5017");
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 5);
        List<NetworkCommand> commands = network.commandsFor(imsi);
        assertInstanceOf(NetworkCommand.Provision.class, commands.get(0));
        assertInstanceOf(NetworkCommand.Activate.class, commands.get(1));
        assertInstanceOf(NetworkCommand.Suspend.class, commands.get(2));
        assertEquals(List.of("SMS_MO"), ((NetworkCommand.Bar) commands.get(3)).barredServices());
        assertInstanceOf(NetworkCommand.Activate.class, commands.get(4));
        assertTrue(commands.stream().allMatch(c -> c.iccid().equals(iccid) && c.endpointId() == ep && c.accountId() == t.accountId()));
    }

    @Test
    void aFailingNetworkGetsTheCommandsLaterInTheSameOrder() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(2);
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, false);
        String imsi = imsi(t, iccid);
        await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 1); // provisioned
        network.failWith(new IllegalStateException("HSS unreachable"));
        try {
            activate(t, ep).expect("5014"); // the API does not wait for the network
            delink(t, ep).expect("6413");
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(t.accountId()) >= 1);
            assertEquals(1, network.commandsFor(imsi).size());
        } finally {
            network.failWith(null);
        }
        clock.advance(Duration.ofMinutes(10)); // past the backoff
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> network.commandsFor(imsi).size() == 3);
        } finally {
            clock.reset();
        }
        List<NetworkCommand> commands = network.commandsFor(imsi);
        assertInstanceOf(NetworkCommand.Activate.class, commands.get(1));
        assertInstanceOf(NetworkCommand.Detach.class, commands.get(2));
        assertEquals(0, attempts(t.accountId()));
    }

    @Autowired
    io.simfleet.network.NetworkEvents networkState;

    @Test
    void networkReportsThatArriveOutOfOrderKeepTheLatest() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        String iccid = t.iccids().get(0);
        long ep = Fixtures.endpoint(t, iccid, true);
        String imsi = imsi(t, iccid);
        java.time.Instant t1 = java.time.Instant.parse("2026-03-01T10:00:00Z");
        networkState.dataSessionEnded(imsi, t1.plusSeconds(60)); // the end arrives first
        networkState.dataSessionStarted(imsi, t1);               // its start, late: older, ignored
        assertEquals(false, networkState.inDataSession(t.accountId(), iccid));
        delink(t, ep).expect("6413");

        networkState.dataSessionStarted("999999999999999", t1); // an IMSI nobody has: ignored
        link(t, ep, iccid).expect("6409");
        networkState.dataSessionStarted(imsi, t1.plusSeconds(120));
        assertEquals(true, networkState.inDataSession(t.accountId(), iccid));
        networkState.dataSessionEnded(imsi, t1.plusSeconds(90)); // an end older than the start: ignored
        assertEquals(true, networkState.inDataSession(t.accountId(), iccid));
        networkState.dataSessionEnded(imsi, t1.plusSeconds(180));
        assertEquals(false, networkState.inDataSession(t.accountId(), iccid));
    }

    private int attempts(long account) {
        return jdbc.queryForList("SELECT attempts FROM outbox_cursor WHERE account_id = ? AND consumer = 'network'", Integer.class, account)
                .stream().findFirst().orElse(0);
    }
}
