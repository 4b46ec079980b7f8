package io.simfleet.ops;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the change rows that V24's triggers append to {@code endpoint_state_count} and
 * {@code sim_state_count} into one row per account and state, every
 * {@code simfleet.state-count-compaction-interval} (default 5 s), so that a count per state reads a
 * handful of rows whatever the number of endpoints. One statement per account deletes its rows and
 * inserts their sums: rows committed meanwhile are not in its snapshot and stay for the next
 * round, and two instances compacting one account at once each fold only the rows they deleted,
 * so no change is lost or counted twice.
 */
@Component
public class StateCountCompaction {
    static final List<String> TABLES = List.of("endpoint_state_count", "sim_state_count");

    private final JdbcClient jdbc;

    StateCountCompaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${simfleet.state-count-compaction-interval:5s}",
            initialDelayString = "${simfleet.state-count-compaction-interval:5s}")
    public void compact() {
        for (String table : TABLES) {
            List<Long> accounts = jdbc.sql("SELECT account_id FROM " + table + " GROUP BY account_id HAVING count(*) > count(DISTINCT status)")
                    .query(Long.class).list();
            for (long account : accounts) compact(table, account);
        }
    }

    /** One statement, atomic on its own. */
    void compact(String table, long account) {
        jdbc.sql("""
                        WITH gone AS (DELETE FROM %s WHERE account_id = :a RETURNING status, n)
                        INSERT INTO %s (account_id, status, n) SELECT :a, status, sum(n) FROM gone GROUP BY status HAVING sum(n) <> 0"""
                        .formatted(table, table))
                .param("a", account).update();
    }
}
