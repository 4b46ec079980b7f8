package io.simfleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simfleet.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V11 turns the queue into units of work: jobs queued by the previous version (schema at V9,
 * payloads as that version wrote them) come out of the migration ready to run, and their
 * payloads are read by today's handlers. On the test PostgreSQL, without a server.
 */
@Tag("database")
class JobQueueMigrationTest {

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target(target).load();
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void jobsQueuedBeforeV11BecomeUnitsOfWork() throws SQLException {
        String url = TestDatabase.newSchemaUrl();
        flyway(url, "9").migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO account (id, type, name, created_at) VALUES (7, 'ENTERPRISE', 'A', now())");
            String insert = "INSERT INTO job (id, account_id, kind, status, command, actor_username, actor_account_id, request_id,"
                    + " total, idempotency_key, created_at) VALUES ";
            st.execute(insert + "(1, 7, 'BULK_CREATE', 'PROCESSING', '" + JobPayloadsTest.BULK_CREATE_V1 + "', 'u', 7, 'r', 2, 'k1', now())");
            st.execute(insert + "(2, 7, 'BULK_CREATE', 'SUCCESS', '" + JobPayloadsTest.BULK_CREATE_V1 + "', 'u', 7, 'r', 2, NULL, now())");
            st.execute(insert + "(3, 7, 'BULK_MODIFY', 'PROCESSING', '" + JobPayloadsTest.BULK_MODIFY_V1 + "', 'u', 7, 'r', 2, NULL, now())");
            st.execute("INSERT INTO job_item (job_id, seq, value, result_code, result_description) VALUES"
                    + " (3, 1, '8932042000100000000', '10068', 'Modify endpoint success'), (3, 2, '8932042000100000001', NULL, NULL)");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            assertEquals(List.of(
                    "7|1|1|null|PENDING|0|null",
                    "7|3|1|8932042000100000000|DONE|0|10068",
                    "7|3|2|8932042000100000001|PENDING|0|null"),
                    rows(st, "SELECT account_id, job_id, seq, value, state, attempts, result_code FROM job_item ORDER BY job_id, seq"));
            assertEquals(List.of("PRIMARY KEY (account_id, job_id, seq)"),
                    rows(st, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'job_item'::regclass AND conname = 'job_item_pkey'"));
            assertEquals(List.of("1", "1", "1"), rows(st, "SELECT payload_version FROM job ORDER BY id"));
            assertEquals(List.of(), rows(st, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'job' AND column_name IN ('idempotency_key', 'request_hash', 'command')"));
            // what was queued is read by today's handlers
            String create = rows(st, "SELECT payload FROM job WHERE id = 1").get(0);
            assertEquals(JobPayloadsTest.sampleCreate(), JobHandlers.read(JobPayloadsTest.CREATE, 1, create).toCommand());
            String modify = rows(st, "SELECT payload FROM job WHERE id = 3").get(0);
            assertEquals(JobPayloadsTest.sampleModify(), JobHandlers.read(JobPayloadsTest.MODIFY, 1, modify).toCommand());
            // nothing of another account can hang under a job: the key is tenant-first
            assertEquals(List.of("FOREIGN KEY (account_id, job_id) REFERENCES job(account_id, id)"),
                    rows(st, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'job_item'::regclass AND conname = 'job_item_job_fkey'"));
        }
    }
}
