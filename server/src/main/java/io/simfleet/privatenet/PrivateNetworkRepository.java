package io.simfleet.privatenet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code vslice}, {@code endpoint_group} and {@code endpoint_group_member}; every statement is within one account. */
@Repository
class PrivateNetworkRepository {
    private static final String MEMBER_COLUMNS = """
            m.endpoint_id, m.group_id, g.name AS group_name, m.vslice_id, v.name AS vslice_name, host(m.ip_address) AS ip
            FROM endpoint_group_member m
            JOIN endpoint_group g ON g.account_id = m.account_id AND g.id = m.group_id
            JOIN vslice v ON v.account_id = m.account_id AND v.id = m.vslice_id""";

    private final JdbcClient jdbc;

    PrivateNetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- slices

    long nextSliceId() {
        return jdbc.sql("SELECT nextval('vslice_id_seq')").query(Long.class).single();
    }

    /** Serialises the changes of the account's set of slices (names and subnets are checked against the others). */
    void lockSlicesOf(long account) {
        jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('vslice:' || :a, 0))) AS locked")
                .param("a", account).query(Long.class).single();
    }

    void insertSlice(VSlice s) {
        jdbc.sql("INSERT INTO vslice (account_id, id, name, subnet, created_at) VALUES (:a, :id, :n, CAST(:s AS cidr), :at)")
                .param("a", s.accountId()).param("id", s.id()).param("n", s.name()).param("s", s.subnet().toString())
                .param("at", Timestamp.from(s.createdAt())).update();
    }

    List<VSlice> slices(long account) {
        return jdbc.sql("SELECT * FROM vslice WHERE account_id = :a ORDER BY id").param("a", account).query(PrivateNetworkRepository::slice).list();
    }

    List<VSlice.Usage> usage(long account, Long sliceId) {
        return jdbc.sql("""
                SELECT v.*,
                       (SELECT count(*) FROM endpoint_group g WHERE g.account_id = v.account_id AND g.vslice_id = v.id) AS groups,
                       (SELECT count(*) FROM endpoint_group_member m WHERE m.account_id = v.account_id AND m.vslice_id = v.id) AS used
                FROM vslice v WHERE v.account_id = :a AND (CAST(:s AS bigint) IS NULL OR v.id = :s) ORDER BY v.id""")
                .param("a", account).param("s", sliceId)
                .query((rs, n) -> new VSlice.Usage(slice(rs, n), rs.getLong("groups"), rs.getLong("used"))).list();
    }

    Optional<VSlice> slice(long account, long id) {
        return jdbc.sql("SELECT * FROM vslice WHERE account_id = :a AND id = :id").param("a", account).param("id", id)
                .query(PrivateNetworkRepository::slice).optional();
    }

    /**
     * The slice, locked until the end of the transaction (FOR NO KEY UPDATE): the address
     * allocations of one slice run one after the other, while groups may still be made in it.
     */
    Optional<VSlice> lockSliceForAllocation(long account, long id) {
        return jdbc.sql("SELECT * FROM vslice WHERE account_id = :a AND id = :id FOR NO KEY UPDATE").param("a", account).param("id", id)
                .query(PrivateNetworkRepository::slice).optional();
    }

    /** The slice, locked against everything (a group being made in it too), before it is deleted. */
    Optional<VSlice> lockSliceForDelete(long account, long id) {
        return jdbc.sql("SELECT * FROM vslice WHERE account_id = :a AND id = :id FOR UPDATE").param("a", account).param("id", id)
                .query(PrivateNetworkRepository::slice).optional();
    }

    long nextHost(long account, long sliceId) {
        return jdbc.sql("SELECT next_host FROM vslice WHERE account_id = :a AND id = :id").param("a", account).param("id", sliceId)
                .query(Long.class).single();
    }

    void setNextHost(long account, long sliceId, long offset) {
        jdbc.sql("UPDATE vslice SET next_host = :h WHERE account_id = :a AND id = :id")
                .param("h", offset).param("a", account).param("id", sliceId).update();
    }

    boolean sliceNameTaken(long account, String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM vslice WHERE account_id = :a AND lower(name) = lower(:n) AND id <> :id")
                .param("a", account).param("n", name).param("id", exceptId).query(Long.class).single() > 0;
    }

    /** A slice of the account whose subnet overlaps {@code subnet}. */
    Optional<VSlice> overlapping(long account, Subnet subnet) {
        return jdbc.sql("SELECT * FROM vslice WHERE account_id = :a AND subnet && CAST(:s AS cidr) ORDER BY id LIMIT 1")
                .param("a", account).param("s", subnet.toString()).query(PrivateNetworkRepository::slice).optional();
    }

    void renameSlice(long account, long id, String name) {
        jdbc.sql("UPDATE vslice SET name = :n WHERE account_id = :a AND id = :id").param("n", name).param("a", account).param("id", id).update();
    }

    long groupsOfSlice(long account, long sliceId) {
        return jdbc.sql("SELECT count(*) FROM endpoint_group WHERE account_id = :a AND vslice_id = :s")
                .param("a", account).param("s", sliceId).query(Long.class).single();
    }

    void deleteSlice(long account, long id) {
        jdbc.sql("DELETE FROM vslice WHERE account_id = :a AND id = :id").param("a", account).param("id", id).update();
    }

    // --- groups

    long nextGroupId() {
        return jdbc.sql("SELECT nextval('endpoint_group_id_seq')").query(Long.class).single();
    }

    void insertGroup(EndpointGroup g) {
        jdbc.sql("INSERT INTO endpoint_group (account_id, id, vslice_id, name, created_at) VALUES (:a, :id, :s, :n, :at)")
                .param("a", g.accountId()).param("id", g.id()).param("s", g.vSliceId()).param("n", g.name())
                .param("at", Timestamp.from(g.createdAt())).update();
    }

    Optional<EndpointGroup> group(long account, long id) {
        return jdbc.sql("SELECT * FROM endpoint_group WHERE account_id = :a AND id = :id").param("a", account).param("id", id)
                .query(PrivateNetworkRepository::group).optional();
    }

    /** The group, locked: a deletion waits for the assignments into it, and they for it. */
    Optional<EndpointGroup> lockGroup(long account, long id) {
        return jdbc.sql("SELECT * FROM endpoint_group WHERE account_id = :a AND id = :id FOR UPDATE").param("a", account).param("id", id)
                .query(PrivateNetworkRepository::group).optional();
    }

    boolean groupNameTaken(long account, String name, long exceptId) {
        return jdbc.sql("SELECT count(*) FROM endpoint_group WHERE account_id = :a AND lower(name) = lower(:n) AND id <> :id")
                .param("a", account).param("n", name).param("id", exceptId).query(Long.class).single() > 0;
    }

    /** The account's groups with their slices and member counts, of one slice or one group when given, by id. */
    List<EndpointGroup.View> groups(long account, Long sliceId, Long groupId) {
        return jdbc.sql("""
                SELECT g.*, v.name AS v_name, v.subnet AS v_subnet, v.created_at AS v_created_at,
                       (SELECT count(*) FROM endpoint_group_member m WHERE m.account_id = g.account_id AND m.group_id = g.id) AS members
                FROM endpoint_group g JOIN vslice v ON v.account_id = g.account_id AND v.id = g.vslice_id
                WHERE g.account_id = :a AND (CAST(:s AS bigint) IS NULL OR g.vslice_id = :s) AND (CAST(:g AS bigint) IS NULL OR g.id = :g)
                ORDER BY g.id""")
                .param("a", account).param("s", sliceId).param("g", groupId)
                .query((rs, n) -> new EndpointGroup.View(group(rs, n),
                        new VSlice(account, rs.getLong("vslice_id"), rs.getString("v_name"), subnet(rs.getString("v_subnet")),
                                rs.getTimestamp("v_created_at").toInstant()),
                        rs.getLong("members"))).list();
    }

    void renameGroup(long account, long id, String name) {
        jdbc.sql("UPDATE endpoint_group SET name = :n WHERE account_id = :a AND id = :id").param("n", name).param("a", account).param("id", id).update();
    }

    long membersOfGroup(long account, long groupId) {
        return jdbc.sql("SELECT count(*) FROM endpoint_group_member WHERE account_id = :a AND group_id = :g")
                .param("a", account).param("g", groupId).query(Long.class).single();
    }

    void deleteGroup(long account, long id) {
        jdbc.sql("DELETE FROM endpoint_group WHERE account_id = :a AND id = :id").param("a", account).param("id", id).update();
    }

    // --- members

    Optional<Membership> member(long account, long endpointId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " WHERE m.account_id = :a AND m.endpoint_id = :e")
                .param("a", account).param("e", endpointId).query(PrivateNetworkRepository::member).optional();
    }

    List<Membership> members(long account, Collection<Long> endpointIds) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " WHERE m.account_id = :a AND m.endpoint_id = ANY(:e)")
                .param("a", account).param("e", endpointIds.toArray(new Long[0])).query(PrivateNetworkRepository::member).list();
    }

    /** The endpoint holding {@code address} in the slice, if one does. */
    OptionalLong holder(long account, long sliceId, long address) {
        return jdbc.sql("SELECT endpoint_id FROM endpoint_group_member WHERE account_id = :a AND vslice_id = :s AND ip_address = CAST(:ip AS inet)")
                .param("a", account).param("s", sliceId).param("ip", Subnet.format(address)).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The first offset in {@code from..to} whose host address no endpoint of the slice holds (index probes, stops at the first). */
    OptionalLong firstFree(long account, VSlice slice, long from, long to) {
        if (from > to) return OptionalLong.empty();
        return jdbc.sql("""
                SELECT h FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) AS h
                WHERE NOT EXISTS (SELECT 1 FROM endpoint_group_member m
                                  WHERE m.account_id = :a AND m.vslice_id = :s AND m.ip_address = CAST(:net AS inet) + h)
                LIMIT 1""")
                .param("from", from).param("to", to).param("a", account).param("s", slice.id())
                .param("net", Subnet.format(slice.subnet().network())).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    void insertMember(long account, long endpointId, long groupId, long sliceId, long address, Instant at) {
        jdbc.sql("""
                INSERT INTO endpoint_group_member (account_id, endpoint_id, group_id, vslice_id, ip_address, assigned_at)
                VALUES (:a, :e, :g, :s, CAST(:ip AS inet), :at)""")
                .param("a", account).param("e", endpointId).param("g", groupId).param("s", sliceId)
                .param("ip", Subnet.format(address)).param("at", Timestamp.from(at)).update();
    }

    void updateMember(long account, long endpointId, long groupId, long address, Instant at) {
        jdbc.sql("""
                UPDATE endpoint_group_member SET group_id = :g, ip_address = CAST(:ip AS inet), assigned_at = :at
                WHERE account_id = :a AND endpoint_id = :e""")
                .param("a", account).param("e", endpointId).param("g", groupId).param("ip", Subnet.format(address))
                .param("at", Timestamp.from(at)).update();
    }

    void deleteMember(long account, long endpointId) {
        jdbc.sql("DELETE FROM endpoint_group_member WHERE account_id = :a AND endpoint_id = :e")
                .param("a", account).param("e", endpointId).update();
    }

    /** A page of the group's endpoint ids in id order (an index-only scan of the group's members). */
    List<Long> memberIds(long account, long groupId, long offset, int limit) {
        return jdbc.sql("""
                SELECT endpoint_id FROM endpoint_group_member WHERE account_id = :a AND group_id = :g
                ORDER BY endpoint_id OFFSET :off LIMIT :lim""")
                .param("a", account).param("g", groupId).param("off", offset).param("lim", limit).query(Long.class).list();
    }

    // --- rows

    private static Subnet subnet(String cidr) {
        return Subnet.parse(cidr, "subnet");
    }

    private static VSlice slice(ResultSet rs, int n) throws SQLException {
        return new VSlice(rs.getLong("account_id"), rs.getLong("id"), rs.getString("name"), subnet(rs.getString("subnet")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static EndpointGroup group(ResultSet rs, int n) throws SQLException {
        return new EndpointGroup(rs.getLong("account_id"), rs.getLong("id"), rs.getLong("vslice_id"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Membership member(ResultSet rs, int n) throws SQLException {
        return new Membership(rs.getLong("endpoint_id"), rs.getLong("group_id"), rs.getString("group_name"), rs.getLong("vslice_id"),
                rs.getString("vslice_name"), rs.getString("ip"));
    }
}
