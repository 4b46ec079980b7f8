package io.simfleet.endpoint;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** The endpoint row's version is compared on every save: a stale copy never overwrites a newer row. */
class EndpointVersionTest extends ApiTestBase {
    @Autowired
    EndpointRepository repo;

    @Test
    void aSaveOfAStaleCopyIsRefusedAndChangesNothing() {
        Tenant t = new Fixtures(anon()).enterprise(1);
        Resp created = t.api().post("/api/CreateEndPoint", Fixtures.createBody(t, t.iccids().get(0), false));
        long id = Long.parseLong(created.response().path("endPointId").asString());
        Endpoint read = repo.find(t.accountId(), id).orElseThrow();

        Endpoint saved = repo.update(read.renamed("Renamed once"), Instant.now());
        assertEquals(read.version() + 1, saved.version());

        Endpoint stale = read.renamed("Lost update");
        assertThrows(OptimisticLockingFailureException.class, () -> repo.update(stale, Instant.now()));
        assertEquals("Renamed once", repo.find(t.accountId(), id).orElseThrow().name());
    }

    @Test
    void aModifyThatChangesThePlanIsOneUpdate() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        long acc = t.accountId();
        fx.normalPlan(t, "GOLD" + acc);
        long id = Fixtures.endpoint(t, t.iccids().get(0), true);
        int before = repo.find(acc, id).orElseThrow().version();
        Resp modified = t.api().patch("/api/endpoint", map("Request", map("endPointId", Long.toString(id),
                "requestParam", map("endPointName", "Renamed endpoint", "planId", "GOLD" + acc))));
        assertEquals("10068", modified.code(), modified.raw());
        Endpoint after = repo.find(acc, id).orElseThrow();
        assertEquals("Renamed endpoint", after.name());
        assertEquals("GOLD" + acc, after.planId());
        assertEquals(before + 1, after.version(), "one UPDATE for the name and the plan");
    }
}
