package io.simfleet.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.simfleet.testkit.Api;
import io.simfleet.testkit.ServerProcess;
import io.simfleet.testkit.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A server killed with SIGKILL in the middle of a large CSV ingestion: after a restart and a
 * re-send of the same file, every record is counted exactly once.
 */
class UsageCrashIT {
    static final int RECORDS = 150_000;
    static final String IMSI = "206281000015190"; // the demo endpoint 51368592's SIM

    /** The CSV, generated line by line as it is sent (never held whole). */
    static InputStream csv(Instant base) {
        return new InputStream() {
            int line = -1;
            byte[] buf = new byte[0];
            int pos;

            @Override
            public int read() {
                while (pos >= buf.length) {
                    if (line >= RECORDS) return -1;
                    String s = line < 0 ? "recordId,type,imsi,startTime,duration,uplinkBytes,downlinkBytes,visitedMccMnc\n"
                            : "crash-" + line + ",DATA," + IMSI + "," + base.plusSeconds(line * 10L) + ",10,1000,2000,20601\n";
                    line++;
                    buf = s.getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                }
                return buf[pos++];
            }
        };
    }

    static HttpRequest post(Api admin, int port, Instant base) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/usage"))
                .header("Content-Type", "text/csv").header("X-Authorization", "Bearer " + admin.token())
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(base))).build();
    }

    static long query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aKilledIngestionResentCountsEveryRecordOnce() throws Exception {
        String url = TestDatabase.newSchemaUrl();
        Instant base = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        HttpClient http = HttpClient.newHttpClient();
        String count = "SELECT count(*) FROM usage_record WHERE endpoint_id = 51368592 AND record_id LIKE 'crash-%'";
        long atKill;
        try (ServerProcess a = ServerProcess.start(url, true, ServerProcess.logFile("usage-crash-a"))) {
            Api admin = a.api().login("admin", "admin");
            CompletableFuture<HttpResponse<String>> sending = http.sendAsync(post(admin, a.port(), base), HttpResponse.BodyHandlers.ofString());
            // the kill lands in the middle: some batches have committed, not all
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50)).until(() -> query(url, count) >= 20_000);
            a.kill();
            atKill = query(url, count);
            try {
                sending.join();
            } catch (RuntimeException expected) {
                // the connection died with the server
            }
        }
        assertTrue(atKill < RECORDS, "killed in the middle: " + atKill);
        assertEquals(0, atKill % 10_000, "whole batches only: " + atKill);

        try (ServerProcess b = ServerProcess.start(url, true, ServerProcess.logFile("usage-crash-b"))) {
            Api admin = b.api().login("admin", "admin");
            HttpResponse<String> r = http.send(post(admin, b.port(), base), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode result = Api.JSON.readTree(r.body());
            assertEquals(RECORDS, result.path("received").asLong());
            assertEquals(atKill, result.path("duplicates").asLong(), "what was committed before the kill is recognised");
            assertEquals(RECORDS - atKill, result.path("accepted").asLong());
        }
        assertEquals(RECORDS, query(url, count));
        assertEquals(RECORDS * 3000L, query(url, "SELECT sum(uplink + downlink) FROM usage_daily WHERE endpoint_id = 51368592"));
        assertEquals(RECORDS, query(url, "SELECT count(DISTINCT record_id) FROM usage_record WHERE endpoint_id = 51368592"));
    }
}
