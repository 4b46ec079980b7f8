package io.simfleet.endpoint;

import java.util.List;
import java.util.Map;

/**
 * What happened to an endpoint: the typed events, in the past tense. Every change of an
 * endpoint is one or more of these, stored with a versioned JSON payload (the record's
 * components) in the same transaction as the change, with a position in the account's event
 * stream that consumers resume from ({@link EventStream}).
 *
 * <p>{@link #call()}, {@link #from()}, {@link #to()}, {@link #reason()} and {@link #detail()} are
 * what GetEndpointEvents has always shown for the change; the payload holds the before and after
 * of what changed. Who, when and which request are stored beside it, not in it.
 *
 * <p>A component renamed or retyped is a new {@link #VERSION}, with an upgrade of the older
 * payloads in {@link EndpointEvents#read}.
 */
public sealed interface EndpointEvent {
    /** The payload version written today. */
    int VERSION = 1;

    /** The SFT call (or our job) that made the change. */
    String call();

    /** The endpoint's state before; null when it did not exist. */
    EndpointStatus from();

    /** The endpoint's state after. */
    EndpointStatus to();

    default String reason() {
        return null;
    }

    /** The change in a few words, as GetEndpointEvents' {@code detail}. */
    default String detail() {
        return null;
    }

    /** The SIM the change concerns, where one does (the network side needs it). */
    default String iccid() {
        return null;
    }

    record EndpointCreated(String name, String planId, String apnGroupId, List<Long> roamingProfileIds) implements EndpointEvent {
        public String call() { return "CreateEndPoint"; }
        public EndpointStatus from() { return null; }
        public EndpointStatus to() { return EndpointStatus.PRE_ACTIVE; }
        public String detail() { return "name=" + name; }
    }

    /** Created by a bulk provisioning job, linked to {@code iccid}, in {@code to}. */
    record EndpointProvisioned(long simProvisionId, String name, String iccid, String planId, EndpointStatus to)
            implements EndpointEvent {
        public String call() { return "bulkProvisioning"; }
        public EndpointStatus from() { return null; }
        public String detail() { return "simProvisionId=" + simProvisionId; }
    }

    record SimLinked(String iccid, EndpointStatus from, EndpointStatus to) implements EndpointEvent {
        public String call() { return "LinkSim"; }
        public String detail() { return "iccid=" + iccid; }
    }

    /** A de-link asked while the SIM was in a data session: it completes when the session ends. */
    record SimDelinkQueued(String iccid, EndpointStatus from) implements EndpointEvent {
        public String call() { return "DeLinkSim"; }
        public EndpointStatus to() { return from; }
        public String detail() { return "queued: data session ongoing for iccid=" + iccid; }
    }

    record SimDelinked(String iccid, EndpointStatus from) implements EndpointEvent {
        public String call() { return "DeLinkSim"; }
        public EndpointStatus to() { return EndpointStatus.HOLD; }
        public String detail() { return "iccid=" + iccid; }
    }

    /**
     * The endpoint's SIM replaced by another (our SwapSim, docs/lifecycle.md "SIM swap"): the
     * endpoint keeps its state; {@code iccid} is the new SIM, which takes the old one's state.
     */
    record SimSwapped(String previousIccid, String iccid, EndpointStatus status) implements EndpointEvent {
        public String call() { return "SwapSim"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "iccid " + previousIccid + " -> " + iccid; }
    }

    record EndpointActivated(String iccid, EndpointStatus from, EndpointStatus to) implements EndpointEvent {
        public String call() { return "EndPointActivation"; }
    }

    /** Suspended, resumed, or moved between the OEM states; {@code reason} 1 system, 2 dunning, 3 CSR. */
    record LifecycleChanged(String iccid, EndpointStatus from, EndpointStatus to, String reason) implements EndpointEvent {
        public String call() { return "EndPointLifeCycleChange"; }
    }

    record EndpointDeleted(EndpointStatus from) implements EndpointEvent {
        public String call() { return "DeleteEndPoint"; }
        public EndpointStatus to() { return EndpointStatus.DELETED; }
    }

    /**
     * Put into an endpoint group (or moved to another, or given another address): the group, its
     * VSlice and the static address after, and before ({@code fromGroupId} null when it was in
     * none). {@code iccid} is the SIM it holds, if any.
     */
    record EndpointGroupJoined(EndpointStatus status, String iccid, long groupId, long vSliceId, String ipAddress,
                               Long fromGroupId, String fromIpAddress) implements EndpointEvent {
        public String call() { return "AssignEndpointGroup"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() {
            return "endpointGroupId=" + groupId + " vSliceId=" + vSliceId + " ipAddress=" + ipAddress
                    + (fromGroupId == null ? "" : " (was endpointGroupId=" + fromGroupId + " ipAddress=" + fromIpAddress + ")");
        }
    }

    /** Taken out of its endpoint group, by UnassignEndpointGroup or its deletion ({@code call}); its address is released. */
    record EndpointGroupLeft(EndpointStatus status, String iccid, long groupId, long vSliceId, String ipAddress, String call)
            implements EndpointEvent {
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "endpointGroupId=" + groupId + " vSliceId=" + vSliceId + " released ipAddress=" + ipAddress; }
    }

    record RoamingProfilesChanged(EndpointStatus status, List<Long> before, List<Long> after) implements EndpointEvent {
        public String call() { return "ChangeEndpointRoamingProfile"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "roamingProfileIds=" + after; }
    }

    record PlanChanged(EndpointStatus status, String before, String after, List<Long> roamingBefore, List<Long> roamingAfter)
            implements EndpointEvent {
        public String call() { return "ChangePlan"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "planId " + before + " -> " + after; }
    }

    /**
     * A usage counter's period crossed its threshold: {@code action} (NOTIFY, BAR_DATA,
     * THROTTLE_…) applies until the period ends at {@code periodEnd}. {@code uniqueId} is the
     * add-on subscription whose counter it is (0: the base plan's).
     */
    record CounterThresholdReached(EndpointStatus status, String iccid, String counterId, String counterName, long uniqueId,
                                   String action, long usage, long threshold, String unit, java.time.Instant periodEnd)
            implements EndpointEvent {
        public String call() { return "UsageCounter"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return counterId + " " + action + " usage=" + usage + " threshold=" + threshold + " " + unit; }
    }

    /** Data barred by rating: {@code reason} BALANCE_EXHAUSTED, or the counter whose BAR_DATA action it is. */
    record DataBarred(EndpointStatus status, String iccid, String reason) implements EndpointEvent {
        public String call() { return "Rating"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "DATA barred: " + reason; }
    }

    /** A bar of {@link DataBarred} lifted: by a credit, an add-on, or the end of its counter's period. */
    record DataUnbarred(EndpointStatus status, String iccid, String reason) implements EndpointEvent {
        public String call() { return "Rating"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "DATA unbarred: " + reason; }
    }

    /** The operator credited a prepaid main account (amounts in the account's currency). */
    record BalanceCredited(EndpointStatus status, java.math.BigDecimal amount, java.math.BigDecimal balanceAfter) implements EndpointEvent {
        public String call() { return "CreditBalance"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "amount=" + amount.toPlainString() + " balance=" + balanceAfter.toPlainString(); }
    }

    /** UpdateThreshold: the endpoint's threshold of a counter, in MB (before: the plan's or an earlier update). */
    record ThresholdUpdated(EndpointStatus status, String planId, String counterId, long uniqueId, long beforeMb, long afterMb)
            implements EndpointEvent {
        public String call() { return "UpdateThreshold"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return counterId + " threshold " + beforeMb + " -> " + afterMb + " MB"; }
    }

    record AddonSubscribed(EndpointStatus status, String planId, long uniqueId, java.time.Instant expires, Map<String, Long> adjusted)
            implements EndpointEvent {
        public String call() { return "SubscribeAddon"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "planId=" + planId + " uniqueId=" + uniqueId; }
    }

    /** An add-on's validity ended: renewed to its full value until {@code expires}, or (renewed false) expired. */
    record AddonValidityEnded(EndpointStatus status, String planId, long uniqueId, boolean renewed, java.time.Instant expires)
            implements EndpointEvent {
        public String call() { return renewed ? "AddonRenewal" : "AddonExpiry"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "planId=" + planId + " uniqueId=" + uniqueId + (renewed ? " renewed" : " expired"); }
    }

    /** endPointBlacklisting: networks added to and removed from the endpoint's blacklist, and the list after (TADIG/IRn). */
    record BlacklistChanged(EndpointStatus status, String iccid, List<String> added, List<String> removed, List<String> after)
            implements EndpointEvent {
        public String call() { return "endPointBlacklisting"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return "added=" + added + " removed=" + removed; }

        /** The blacklisted TADIG codes after the change (the network side bars by TADIG). */
        public List<String> tadigsAfter() {
            return after.stream().map(s -> s.substring(0, s.indexOf('/'))).distinct().toList();
        }
    }

    /** What the network reported of the endpoint's SIM: ATTACHED, DETACHED, LOCATION, SESSION_STARTED, SESSION_ENDED. */
    record NetworkReported(EndpointStatus status, String iccid, String what, String networkDetail) implements EndpointEvent {
        public String call() { return "Network"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return networkDetail == null ? what : what + " " + networkDetail; }
    }

    /**
     * A Modify Endpoint: {@code changed} names the request's fields that changed something, in
     * the order GetEndpointEvents lists them; {@code before} and {@code after} hold the values of
     * the endpoint's own fields that changed; the lists say what was added to and removed from
     * the endpoint's parts. {@code iccid} is the SIM the endpoint holds, if any.
     */
    record EndpointModified(EndpointStatus status, String iccid, List<String> changed, Map<String, Object> before,
                            Map<String, Object> after, List<String> addonsAdded, List<Long> addonsRemoved,
                            List<Long> tagsAdded, List<Long> tagsRemoved, List<String> featuresAdded,
                            List<String> featuresRemoved) implements EndpointEvent {
        public String call() { return "ModifyEndpoint"; }
        public EndpointStatus from() { return status; }
        public EndpointStatus to() { return status; }
        public String detail() { return String.join(",", changed); }

        /** Whether the barred services changed (the network side enforces them). */
        public boolean barringChanged() {
            return after.containsKey("barredServices");
        }

        /** The barred services after the change, when it changed them. */
        public List<String> barredAfter() {
            Object barred = after.get("barredServices");
            return barred instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }
    }
}
