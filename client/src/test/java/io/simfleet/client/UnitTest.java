package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.BulkModifyRequest.ResourceType;
import io.simfleet.client.model.EndpointStatus;
import io.simfleet.client.model.JobState;
import io.simfleet.client.model.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SDK's pieces that need no server: codes, backoff, token expiry, paging, parsing of values. */
class UnitTest {

    @Test
    void resultCodesAreTypedValuesThatKeepUnknownNumbers() {
        assertSame(ResultCode.CREATE_ENDPOINT_SUCCESS, ResultCode.parse("6411"));
        assertEquals("CREATE_ENDPOINT_SUCCESS", ResultCode.parse(" 6411 ").name());
        ResultCode future = ResultCode.parse("99999");
        assertEquals(99999, future.value());
        assertEquals("UNKNOWN", future.name());
        assertFalse(future.isKnown());
        assertEquals(ResultCode.of(99999), future);
        assertEquals(0, ResultCode.parse("not a number").value());
        assertEquals("6411", ResultCode.CREATE_ENDPOINT_SUCCESS.toString());
    }

    @Test
    void backoffIsFullJitterUnderADoublingCap() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(5));
        List<Long> firsts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long first = p.backoff(1).toMillis();
            long third = p.backoff(3).toMillis();
            assertTrue(first >= 0 && first <= 100, "first wait within [0, 100]: " + first);
            assertTrue(third >= 0 && third <= 300, "third wait capped by maxBackoff: " + third);
            firsts.add(first);
        }
        assertTrue(firsts.stream().distinct().count() > 10, "the waits are spread, not fixed");
        assertEquals(Duration.ZERO, RetryPolicy.NONE.backoff(1));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void tokensReadTheirExpiryAndNeverShowThemselves() {
        String access = jwt("{\"sub\":\"customer\",\"exp\":2000000000}");
        String refresh = jwt("{\"sub\":\"customer\",\"exp\":2000086400}");
        Tokens t = new Tokens(access, refresh);
        assertEquals(Instant.ofEpochSecond(2_000_000_000L), t.accessExpiresAt());
        assertEquals(Instant.ofEpochSecond(2_000_086_400L), t.refreshExpiresAt());
        assertFalse(t.toString().contains(access.split("\\.")[1]), t.toString());
        assertFalse(t.toString().contains(refresh.split("\\.")[1]), t.toString());
        assertNull(new Tokens("opaque", null).accessExpiresAt(), "not a JWT: no expiry known");
        String shown = Credentials.of("customer", "s3cret-pass").toString();
        assertFalse(shown.contains("s3cret-pass"), shown);
        assertTrue(shown.contains("customer"), shown);
    }

    @Test
    void pagingStreamsEveryPageLazilyAndStopsAtTheLast() {
        List<Integer> asked = new ArrayList<>();
        List<String> rows = SimfleetClient.<String>stream(n -> {
            asked.add(n);
            return new Page<>(n, n <= 3 ? List.of(n + "a", n + "b") : List.of(), 6, 3);
        }).collect(Collectors.toList());
        assertEquals(List.of("1a", "1b", "2a", "2b", "3a", "3b"), rows);
        assertEquals(List.of(1, 2, 3), asked, "no request past the last page");

        asked.clear();
        assertEquals(List.of("1a"), SimfleetClient.<String>stream(n -> {
            asked.add(n);
            return new Page<>(n, List.of(n + "a", n + "b"), 6, 3);
        }).limit(1).collect(Collectors.toList()));
        assertEquals(List.of(1), asked, "pages are fetched as the stream is read");
        assertEquals(0, SimfleetClient.<String>stream(n -> new Page<>(n, List.of(), 0, 0)).count());
    }

    @Test
    void wireValuesParseInEverySpelling() {
        assertEquals(EndpointStatus.PRE_ACTIVE, EndpointStatus.of("PA"));
        assertEquals(EndpointStatus.PRE_ACTIVE, EndpointStatus.of("Pre-Active"));
        assertEquals(EndpointStatus.SUSPENDED, EndpointStatus.of("s"));
        assertEquals(EndpointStatus.UNKNOWN, EndpointStatus.of("ZZ"));
        assertEquals(JobState.PARTIAL, JobState.of("Partial"));
        assertEquals(JobState.UNKNOWN, JobState.of(null));
        assertEquals(ResourceType.ENDPOINT_ID, ResourceType.of("endpointid"));
        assertEquals(ResourceType.ICCID, ResourceType.of("ICCID"));
        assertThrows(IllegalArgumentException.class, () -> ResourceType.of("imei"));
    }

    @Test
    void baseUrlsAreNormalisedAndCheckedEarly() {
        assertEquals("http://localhost:8080/", SimfleetClient.builder("http://localhost:8080/api/").build().baseUri().toString());
        assertEquals("https://cmp.example/", SimfleetClient.builder("https://cmp.example").build().baseUri().toString());
        assertThrows(IllegalArgumentException.class, () -> SimfleetClient.builder("localhost:8080"));
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
