package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.testkit.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The schema can be distributed by account (docs/scaling.md), checked from the catalog of a
 * PostgreSQL migrated to the latest version: every table is either a platform-wide table declared
 * below, with where it lives on Citus, or a tenant table — {@code account_id} first in its primary
 * key, in every unique index and in every foreign key to another tenant table. A new table fails
 * this test until it is keyed by account or declared here (and in docs/scaling.md).
 */
@Tag("database")
class TenantKeySchemaTest {

    /** Where a platform-wide table lives on Citus. */
    record Placement(String kind, String column) {
        static final Placement REFERENCE = new Placement("reference table", null);
        static final Placement LOCAL = new Placement("local table on the coordinator", null);

        static Placement distributedBy(String column) {
            return new Placement("distributed by " + column, column);
        }
    }

    /** The tables that are not split by account: docs/scaling.md says why for each. */
    static final Map<String, Placement> PLATFORM_TABLES = Map.of(
            "account", Placement.REFERENCE,              // the tenants themselves; the reseller tree is read across accounts
            "app_user", Placement.REFERENCE,             // a login finds its user by name before it knows the account
            "sim_product", Placement.REFERENCE,          // the operator's SIM products, shared by every account
            "outbox_consumer", Placement.REFERENCE,      // the outbox's consumers, registered once for the platform
            "sim_identity", Placement.distributedBy("value"),   // a SIM number is unique platform-wide
            "rate_limit_counter", Placement.distributedBy("key"), // counters per account, user name or client address
            "flyway_schema_history", Placement.LOCAL);   // Flyway's, migrations run on the coordinator

    /**
     * Tenant tables whose primary key is put under account_id by another migration (V10, V11 of
     * the jobs and events work). Until then only their foreign keys to tenant tables are checked;
     * an entry goes once its table passes as a tenant table.
     */
    static final Map<String, String> KEYED_ELSEWHERE = Map.of();

    @Test
    void everyTableIsKeyedByAccountOrDeclaredPlatformWide() throws SQLException {
        try (Connection c = migrated(); Statement st = c.createStatement()) {
            Schema schema = Schema.read(st);
            assertEquals(List.of(), problems(schema), "the schema is not ready to be distributed by account_id");
            // not vacuous: the core of the model is among the tables checked as tenant tables
            assertTrue(schema.tenantTables().containsAll(Set.of("endpoint", "sim", "plan", "roaming_network", "endpoint_tag", "tag")),
                    schema.tenantTables().toString());
        }
    }

    @Test
    void aNewTableOrKeyThatIsNotSplitByAccountIsReported() throws SQLException {
        try (Connection c = migrated(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gadget (id BIGINT PRIMARY KEY, name TEXT)");
            st.execute("CREATE TABLE widget (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL)");
            st.execute("""
                    CREATE TABLE widget_tag (account_id BIGINT NOT NULL, widget_id BIGINT NOT NULL, tag_owner BIGINT NOT NULL,
                                             tag_id BIGINT NOT NULL, PRIMARY KEY (account_id, widget_id, tag_id),
                                             FOREIGN KEY (tag_owner, tag_id) REFERENCES tag (account_id, id))""");
            st.execute("CREATE UNIQUE INDEX sim_iccid_everywhere ON sim (iccid)");
            st.execute("ALTER TABLE sim_product ADD COLUMN first_account BIGINT, ADD COLUMN first_endpoint BIGINT,"
                    + " ADD FOREIGN KEY (first_account, first_endpoint) REFERENCES endpoint (account_id, id)");
            List<String> problems = problems(Schema.read(st));
            assertReported(problems, "gadget has no account_id");
            assertReported(problems, "widget: primary key (id) does not start with account_id");
            assertReported(problems, "widget_tag: foreign key widget_tag_tag_owner_tag_id_fkey (tag_owner, tag_id) -> tag (account_id, id)"
                    + " does not pair account_id with account_id first");
            assertReported(problems, "sim: unique index sim_iccid_everywhere (iccid) does not contain account_id");
            assertReported(problems, "sim_product (reference table): foreign key sim_product_first_account_first_endpoint_fkey"
                    + " -> endpoint, a tenant table");
            assertEquals(5, problems.size(), problems.toString());
        }
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), "expected «" + expected + "…» among " + problems);
    }

    private static Connection migrated() throws SQLException {
        String url = TestDatabase.newSchemaUrl();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    // --- the rules

    static List<String> problems(Schema s) {
        List<String> out = new ArrayList<>();
        for (String declared : PLATFORM_TABLES.keySet()) {
            if (!s.tables().contains(declared)) out.add(declared + " is declared platform-wide but does not exist");
        }
        for (String t : s.tables()) {
            Placement platform = PLATFORM_TABLES.get(t);
            if (platform != null) {
                if (platform.column() != null) {
                    for (Key u : s.uniqueIndexes(t)) {
                        if (!u.columns().contains(platform.column())) {
                            out.add(t + ": unique index " + u.name() + " " + cols(u.columns()) + " does not contain " + platform.column()
                                    + ", its distribution column");
                        }
                    }
                }
                for (Key fk : s.foreignKeys(t)) {
                    Placement target = PLATFORM_TABLES.get(fk.refTable());
                    if (target == null) {
                        out.add(t + " (" + platform.kind() + "): foreign key " + fk.name() + " -> " + fk.refTable() + ", a tenant table");
                    } else if (target != Placement.REFERENCE && target != platform) {
                        out.add(t + " (" + platform.kind() + "): foreign key " + fk.name() + " -> " + fk.refTable() + " (" + target.kind() + ")");
                    }
                }
                continue;
            }
            boolean elsewhere = KEYED_ELSEWHERE.containsKey(t);
            if (!elsewhere) {
                if (!s.columns(t).contains("account_id")) {
                    out.add(t + " has no account_id: key it by account or declare it platform-wide (TenantKeySchemaTest, docs/scaling.md)");
                    continue;
                }
                Key pk = s.primaryKey(t);
                if (pk == null) {
                    out.add(t + " has no primary key");
                } else if (!pk.columns().get(0).equals("account_id")) {
                    out.add(t + ": primary key " + cols(pk.columns()) + " does not start with account_id");
                }
                for (Key u : s.uniqueIndexes(t)) {
                    if (pk != null && u.name().equals(pk.name())) continue; // the primary key's own index: reported above
                    if (!u.columns().contains("account_id")) {
                        out.add(t + ": unique index " + u.name() + " " + cols(u.columns()) + " does not contain account_id");
                    }
                }
            }
            for (Key fk : s.foreignKeys(t)) {
                Placement target = PLATFORM_TABLES.get(fk.refTable());
                boolean targetElsewhere = KEYED_ELSEWHERE.containsKey(fk.refTable());
                if (target == Placement.REFERENCE || elsewhere && targetElsewhere) continue;
                if (target != null) {
                    out.add(t + ": foreign key " + fk.name() + " -> " + fk.refTable() + " (" + target.kind() + ")");
                } else if (!fk.columns().get(0).equals("account_id") || !fk.refColumns().get(0).equals("account_id")) {
                    out.add(t + ": foreign key " + fk.name() + " " + cols(fk.columns()) + " -> " + fk.refTable() + " "
                            + cols(fk.refColumns()) + " does not pair account_id with account_id first");
                }
            }
        }
        return out;
    }

    private static String cols(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    // --- the catalog, read once

    /** A primary key, unique index or foreign key; columns in their order (null for an expression). */
    record Key(String table, String name, List<String> columns, String refTable, List<String> refColumns) {}

    record Schema(Set<String> tables, Map<String, Set<String>> columnsByTable, Map<String, Key> primaryKeys,
                  List<Key> uniqueIndexes, List<Key> foreignKeys) {

        Set<String> columns(String table) {
            return columnsByTable.getOrDefault(table, Set.of());
        }

        Key primaryKey(String table) {
            return primaryKeys.get(table);
        }

        List<Key> uniqueIndexes(String table) {
            return uniqueIndexes.stream().filter(k -> k.table().equals(table)).toList();
        }

        List<Key> foreignKeys(String table) {
            return foreignKeys.stream().filter(k -> k.table().equals(table)).toList();
        }

        Set<String> tenantTables() {
            Set<String> out = new TreeSet<>(tables);
            out.removeAll(PLATFORM_TABLES.keySet());
            out.removeAll(KEYED_ELSEWHERE.keySet());
            return out;
        }

        /** The tables of the connection's current schema (each test migrates a schema of its own). */
        static Schema read(Statement st) throws SQLException {
            Set<String> tables = new TreeSet<>();
            Map<String, Set<String>> columns = new HashMap<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = current_schema()
                      AND table_name IN (SELECT table_name FROM information_schema.tables
                                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    columns.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            Map<String, Key> primaryKeys = new HashMap<>();
            List<Key> foreignKeys = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT con.contype, t.relname, con.conname, r.relname,
                           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(n, i)
                                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i),
                           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)
                    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid LEFT JOIN pg_class r ON r.oid = con.confrelid
                    WHERE t.relnamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f')""")) {
                while (rs.next()) {
                    Key k = new Key(rs.getString(2), rs.getString(3), strings(rs.getArray(5)), rs.getString(4), strings(rs.getArray(6)));
                    if (rs.getString(1).equals("p")) primaryKeys.put(k.table(), k);
                    else foreignKeys.add(k);
                }
            }
            List<Key> unique = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.relname, i.relname,
                           ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, i)
                                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.i)
                    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                    WHERE x.indisunique AND t.relnamespace = current_schema()::regnamespace""")) {
                while (rs.next()) {
                    unique.add(new Key(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), null, List.of()));
                }
            }
            return new Schema(tables, columns, primaryKeys, unique, foreignKeys);
        }

        private static List<String> strings(Array a) throws SQLException {
            return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
        }
    }
}
