package io.simfleet.privatenet;

import io.simfleet.common.DomainException;
import io.simfleet.common.Page;
import io.simfleet.common.ResultCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VSlices, endpoint groups and the static addresses of their endpoints. Every read and write is
 * within one account; another account's slice or group answers like one that does not exist.
 */
@Service
public class PrivateNetworkService {
    static final int MAX_NAME = 64;

    private final PrivateNetworkRepository repo;
    private final Clock clock;

    PrivateNetworkService(PrivateNetworkRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    // --- slices (the operator's)

    /**
     * Creates a VSlice of the account. 1000/1001 {@code name} (1–64 printable characters, unique
     * in the account whatever the case), 1000/1001 {@code subnet} (an IPv4 network address with a
     * prefix of /8 to /30, not overlapping another slice of the account).
     */
    @Transactional
    public VSlice createSlice(long account, String name, String subnet) {
        String n = name(name, "name");
        Subnet s = Subnet.parse(subnet, "subnet");
        repo.lockSlicesOf(account);
        if (repo.sliceNameTaken(account, n, 0)) throw DomainException.wrong("name (" + n + " already exists)");
        repo.overlapping(account, s).ifPresent(o -> {
            throw DomainException.wrong("subnet (" + s + " overlaps VSlice " + o.id() + " " + o.subnet() + ")");
        });
        VSlice slice = new VSlice(account, repo.nextSliceId(), n, s, clock.instant());
        repo.insertSlice(slice);
        return slice;
    }

    /** The account's slices with their groups and addresses in use; one slice when {@code sliceId} is given (none when unknown). */
    @Transactional(readOnly = true)
    public List<VSlice.Usage> slices(long account, Long sliceId) {
        return repo.usage(account, sliceId);
    }

    /** Renames a slice: 1359 when it is not the account's, the name rules of {@link #createSlice}. */
    @Transactional
    public VSlice renameSlice(long account, long sliceId, String name) {
        String n = name(name, "name");
        repo.lockSlicesOf(account);
        VSlice s = repo.slice(account, sliceId).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "VSlice " + sliceId));
        if (repo.sliceNameTaken(account, n, sliceId)) throw DomainException.wrong("name (" + n + " already exists)");
        repo.renameSlice(account, sliceId, n);
        return new VSlice(account, sliceId, n, s.subnet(), s.createdAt());
    }

    /** Deletes a slice without groups: 1359 when it is not the account's, 10963 while it has endpoint groups. */
    @Transactional
    public void deleteSlice(long account, long sliceId) {
        repo.lockSliceForDelete(account, sliceId).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "VSlice " + sliceId));
        long groups = repo.groupsOfSlice(account, sliceId);
        if (groups > 0) throw new DomainException(ResultCode.VSLICE_NOT_EMPTY, "VSlice " + sliceId + " has " + groups + " endpoint group(s)");
        repo.deleteSlice(account, sliceId);
    }

    // --- groups (the enterprise's)

    /** Creates a group in a slice of the account: 1001 {@code vSliceId} when it is not the account's, 1000/1001 {@code endpointGroupName}. */
    @Transactional
    public EndpointGroup createGroup(long account, long sliceId, String name) {
        String n = name(name, "endpointGroupName");
        repo.slice(account, sliceId).orElseThrow(() -> DomainException.wrong("vSliceId"));
        if (repo.groupNameTaken(account, n, 0)) throw DomainException.wrong("endpointGroupName (" + n + " already exists)");
        EndpointGroup g = new EndpointGroup(account, repo.nextGroupId(), sliceId, n, clock.instant());
        repo.insertGroup(g);
        return g;
    }

    /**
     * The account's groups, of one slice or one group when asked: 1359 when that slice or group is
     * not the account's (a slice without groups answers an empty list).
     */
    @Transactional(readOnly = true)
    public List<EndpointGroup.View> groups(long account, Long sliceId, Long groupId) {
        if (sliceId != null && repo.slice(account, sliceId).isEmpty()) throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "vSliceId " + sliceId);
        List<EndpointGroup.View> groups = repo.groups(account, sliceId, groupId);
        if (groupId != null && groups.isEmpty()) throw new DomainException(ResultCode.NO_DATA_AVAILABLE, "endpointGroupId " + groupId);
        return groups;
    }

    @Transactional(readOnly = true)
    public Optional<EndpointGroup> group(long account, long groupId) {
        return repo.group(account, groupId);
    }

    /** Renames a group: 1001 {@code endpointGroupId} when it is not the account's, 1000/1001 {@code endpointGroupName}. */
    @Transactional
    public EndpointGroup renameGroup(long account, long groupId, String name) {
        String n = name(name, "endpointGroupName");
        EndpointGroup g = repo.group(account, groupId).orElseThrow(() -> DomainException.wrong("endpointGroupId"));
        if (repo.groupNameTaken(account, n, groupId)) throw DomainException.wrong("endpointGroupName (" + n + " already exists)");
        repo.renameGroup(account, groupId, n);
        return new EndpointGroup(account, groupId, g.vSliceId(), n, g.createdAt());
    }

    /** Deletes an empty group: 1001 {@code endpointGroupId} when it is not the account's, 10959 while endpoints are in it. */
    @Transactional
    public void deleteGroup(long account, long groupId) {
        repo.lockGroup(account, groupId).orElseThrow(() -> DomainException.wrong("endpointGroupId"));
        long members = repo.membersOfGroup(account, groupId);
        if (members > 0) throw new DomainException(ResultCode.ENDPOINT_GROUP_NOT_EMPTY, members + " endpoint(s) in group " + groupId);
        repo.deleteGroup(account, groupId);
    }

    // --- membership (called by the endpoint feature, under the endpoint's lock)

    /**
     * Puts the endpoint into the group, with {@code address} or, when null, an address of the
     * group's slice chosen automatically: within the slice it moves with its address (unless
     * another is asked for); into another slice it releases its old address and gets a new one.
     * The caller holds the endpoint's lock. 1001 {@code endpointGroupId} when the group is not the
     * account's, 1001 {@code ipAddress} for an address that is not a host of the slice's subnet,
     * 10961 when another endpoint holds the address asked for, 10960 when the slice has no free
     * address left.
     *
     * <p>Allocations of one slice run one after the other (the slice's row is locked): the
     * automatic one takes the first free host from where the last one stopped (so an address just
     * released is not handed out again at once), wrapping round to the start of the subnet. The
     * unique constraint on (account, slice, address) is what guarantees that two endpoints never
     * hold one address, whatever path writes.
     */
    @Transactional
    public Membership.Change join(long account, long endpointId, long groupId, Long address) {
        EndpointGroup g = repo.group(account, groupId).orElseThrow(() -> DomainException.wrong("endpointGroupId"));
        Membership before = repo.member(account, endpointId).orElse(null);
        VSlice slice = repo.lockSliceForAllocation(account, g.vSliceId()).orElseThrow(() -> DomainException.wrong("endpointGroupId"));
        if (address != null && !slice.subnet().isHost(address)) {
            throw DomainException.wrong("ipAddress (" + Subnet.format(address) + " is not a host address of " + slice.subnet() + ")");
        }
        Instant now = clock.instant();
        boolean sameSlice = before != null && before.vSliceId() == slice.id();
        if (sameSlice) {
            long current = Subnet.address(before.ipAddress(), "ipAddress");
            long target = address == null ? current : address;
            if (before.groupId() == groupId && target == current) return new Membership.Change(before, before, false);
            if (target != current) requireFree(account, slice, target);
            repo.updateMember(account, endpointId, groupId, target, now);
        } else {
            if (before != null) repo.deleteMember(account, endpointId);
            long target;
            if (address != null) {
                requireFree(account, slice, address);
                target = address;
            } else {
                target = allocate(account, slice);
            }
            repo.insertMember(account, endpointId, groupId, slice.id(), target, now);
        }
        Membership after = repo.member(account, endpointId).orElseThrow();
        return new Membership.Change(before, after, true);
    }

    private void requireFree(long account, VSlice slice, long address) {
        if (repo.holder(account, slice.id(), address).isPresent()) {
            throw new DomainException(ResultCode.IP_ADDRESS_IN_USE, Subnet.format(address) + " in VSlice " + slice.id());
        }
    }

    /** The next free host of the locked slice from its hint on, wrapping round once; 10960 when there is none. */
    private long allocate(long account, VSlice slice) {
        long capacity = slice.subnet().capacity();
        long from = Math.max(1, Math.min(repo.nextHost(account, slice.id()), capacity));
        OptionalLong free = repo.firstFree(account, slice, from, capacity);
        if (free.isEmpty()) free = repo.firstFree(account, slice, 1, from - 1);
        long offset = free.orElseThrow(() -> new DomainException(ResultCode.VSLICE_EXHAUSTED,
                "VSlice " + slice.id() + " " + slice.subnet() + " (" + capacity + " addresses, all in use)"));
        repo.setNextHost(account, slice.id(), offset == capacity ? 1 : offset + 1);
        return slice.subnet().host(offset);
    }

    /** Takes the endpoint out of its group and releases its address; answers what it was, empty when it was in none. */
    @Transactional
    public Optional<Membership> leave(long account, long endpointId) {
        Optional<Membership> m = repo.member(account, endpointId);
        m.ifPresent(x -> repo.deleteMember(account, endpointId));
        return m;
    }

    @Transactional(readOnly = true)
    public Optional<Membership> membership(long account, long endpointId) {
        return repo.member(account, endpointId);
    }

    /** The memberships of those of the endpoints that are in a group, by endpoint id. */
    @Transactional(readOnly = true)
    public Map<Long, Membership> memberships(long account, Collection<Long> endpointIds) {
        if (endpointIds.isEmpty()) return Map.of();
        return repo.members(account, endpointIds).stream().collect(Collectors.toMap(Membership::endpointId, Function.identity()));
    }

    /** A page of the group's endpoint ids in id order, with the group's size; no rows for a group the account does not have. */
    @Transactional(readOnly = true)
    public Page<Long> memberPage(long account, long groupId, int page, int perPage) {
        if (repo.group(account, groupId).isEmpty()) return new Page<>(List.of(), 0, perPage);
        long total = repo.membersOfGroup(account, groupId);
        List<Long> ids = repo.memberIds(account, groupId, (long) (page - 1) * perPage, perPage);
        return new Page<>(ids, total, perPage);
    }

    /**
     * A slice or group name: 1–64 characters after trimming, none of them a control or format
     * character (a right-to-left override could disguise a name), nor unassigned or private-use;
     * else 1000/1001 naming {@code field}.
     */
    static String name(String name, String field) {
        if (name == null || name.isBlank()) throw DomainException.missing(field);
        String n = name.trim();
        if (n.codePointCount(0, n.length()) > MAX_NAME) throw DomainException.wrong(field + " (longer than " + MAX_NAME + " characters)");
        boolean printable = n.codePoints().allMatch(c -> {
            int t = Character.getType(c);
            return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED && t != Character.PRIVATE_USE
                    && t != Character.SURROGATE && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR;
        });
        if (!printable) throw DomainException.wrong(field);
        return n;
    }
}
