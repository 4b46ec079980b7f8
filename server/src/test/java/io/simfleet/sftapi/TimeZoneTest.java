package io.simfleet.sftapi;

import static io.simfleet.testkit.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Fixtures;
import io.simfleet.testkit.Fixtures.Tenant;
import io.simfleet.testkit.Resp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Timestamps are written in the caller's account's time zone (the platform's, UTC, when it has
 * none), from the injected clock; GetEndPointProfile names the zone.
 */
class TimeZoneTest extends ApiTestBase {
    static final DateTimeFormatter SFT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Test
    void anAccountsAnswersAreInItsTimeZone() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(1);
        long ep = Fixtures.endpoint(t, t.iccids().get(0), false);
        JsonNode utc = profile(t, ep);
        assertEquals("UTC", utc.path("timeZoneName").asString());
        assertEquals("299", utc.path("timeZoneId").asString());

        Resp patched = fx.admin().patch("/admin/accounts/" + t.accountId(), map("timeZone", "Europe/Belgrade"));
        assertEquals(200, patched.status(), patched.raw());
        JsonNode local = profile(t, ep);
        assertEquals("Europe/Belgrade", local.path("timeZoneName").asString());
        assertEquals("298", local.path("timeZoneId").asString());
        Instant created = LocalDateTime.parse(utc.path("creationDate").asString(), SFT).atZone(ZoneId.of("UTC")).toInstant();
        assertEquals(LocalDateTime.ofInstant(created, ZoneId.of("Europe/Belgrade")).format(SFT), local.path("creationDate").asString(),
                "the same instant, written in the account's zone");

        fx.admin().patch("/admin/accounts/" + t.accountId(), map("timeZone", ""));
        assertEquals("UTC", profile(t, ep).path("timeZoneName").asString(), "\"\" gives the platform's zone back");
    }

    @Test
    void theEnvelopesTimeComesFromTheInjectedClock() {
        Tenant t = new Fixtures(anon()).enterprise(0);
        clock.advance(Duration.ofDays(400));
        try {
            // the token has expired by then, by the same clock: the refusal is stamped with it too
            String stamp = t.api().get("/api/GetEndpoints").expect(401, "401").json().path("Response").path("responseTimestamp").asString();
            LocalDateTime at = LocalDateTime.parse(stamp, SFT);
            LocalDateTime expected = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("UTC"));
            assertEquals(true, Duration.between(at, expected).abs().compareTo(Duration.ofMinutes(1)) < 0, stamp + " vs " + expected);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aZoneThatIsNotOneIsRefusedAndChangesNothing() {
        Fixtures fx = new Fixtures(anon());
        Tenant t = fx.enterprise(0);
        for (String bad : new String[] {"Mars/Olympus", "+02:00", "CET+1"}) {
            Resp r = fx.admin().patch("/admin/accounts/" + t.accountId(), map("timeZone", bad, "lowBalance", true));
            assertEquals(400, r.status(), r.raw());
            assertEquals("Wrong input parameter - timeZone", r.json().path("resultDescription").asString(), r.raw());
        }
        assertEquals(false, fx.admin().get("/admin/accounts/" + t.accountId()).json().path("lowBalance").asBoolean());
    }

    private static JsonNode profile(Tenant t, long ep) {
        return t.api().get("/api/GetEndPointProfile?endPointId=" + ep).expect("1082").response().path("info").path("basicInfo");
    }
}
