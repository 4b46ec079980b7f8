package io.simfleet.client;

import io.simfleet.client.model.AddonDetails;
import io.simfleet.client.model.AddonSubscription;
import io.simfleet.client.model.ApnGroup;
import io.simfleet.client.model.BenefitAdjustment;
import io.simfleet.client.model.BulkModifyRequest;
import io.simfleet.client.model.BulkProvisioningRequest;
import io.simfleet.client.model.BulkSubmission;
import io.simfleet.client.model.ClaimSimRequest;
import io.simfleet.client.model.ClaimedSim;
import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.CreatedEndpoint;
import io.simfleet.client.model.CustomerProfile;
import io.simfleet.client.model.EndpointCredit;
import io.simfleet.client.model.EndpointEvent;
import io.simfleet.client.model.EndpointGroup;
import io.simfleet.client.model.EndpointProfile;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.model.EndpointRef;
import io.simfleet.client.model.EndpointSummary;
import io.simfleet.client.model.GroupMembership;
import io.simfleet.client.model.IccidRange;
import io.simfleet.client.model.IngestionResult;
import io.simfleet.client.model.JobStatus;
import io.simfleet.client.model.Lifecycle;
import io.simfleet.client.model.LifecycleChange;
import io.simfleet.client.model.ModifyEndpointRequest;
import io.simfleet.client.model.NewTag;
import io.simfleet.client.model.Page;
import io.simfleet.client.model.Ping;
import io.simfleet.client.model.Plan;
import io.simfleet.client.model.ProvisioningDetails;
import io.simfleet.client.model.RatePlan;
import io.simfleet.client.model.RoamingProfile;
import io.simfleet.client.model.ServiceProfile;
import io.simfleet.client.model.Sim;
import io.simfleet.client.model.SimProduct;
import io.simfleet.client.model.SimQuery;
import io.simfleet.client.model.Statistics;
import io.simfleet.client.model.Tag;
import io.simfleet.client.model.ThresholdUpdate;
import io.simfleet.client.model.UsageFormat;
import io.simfleet.client.model.UsageRecord;
import io.simfleet.client.model.VSlice;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A typed client of the SFT Endpoint API as simfleet serves it. One method per call, named after
 * it; request builders and answer records use the reference's field names.
 *
 * <pre>{@code
 * try (SimfleetClient sft = SimfleetClient.builder("http://localhost:8080")
 *         .credentials(Credentials.of("customer", "customer")).build()) {
 *     CreatedEndpoint ep = sft.createEndpoint(CreateEndpointRequest.builder().name("Meter 1")
 *             .apnGroupId("PDP_1108").planId("DEFAULTPOST41078552").roamingProfileId("358")
 *             .iccid("8932042000000015191").activate(true).build());
 *     sft.streamEndpoints(EndpointQuery.all()).forEach(e -> System.out.println(e.id() + " " + e.status()));
 * }
 * }</pre>
 *
 * <p><b>Authentication.</b> With {@link Builder#credentials} the client logs in on its first call,
 * refreshes the access token shortly before it expires ({@code RefreshToken}), and when a call is
 * answered 401 it renews the token (refresh, else a new login) and sends the call once more. With
 * {@link Builder#tokens} alone it refreshes while the refresh token lasts. New tokens are handed to
 * the {@link TokenListener}. Tokens and passwords are never logged.
 *
 * <p><b>Failures.</b> A refusal ({@code resultCode "1"}) throws a {@link SftException} subclass
 * carrying the detailed code and description; see there. Retries: {@link RetryPolicy}.
 *
 * <p>Thread-safe; one instance can serve a whole application.
 */
public final class SimfleetClient implements AutoCloseable {
    private static final String VERSION = Optional.ofNullable(SimfleetClient.class.getPackage().getImplementationVersion()).orElse("dev");

    private final Transport transport;
    private final Credentials credentials;
    private final TokenListener listener;
    private final Clock clock;
    private final Duration refreshAhead;
    private final boolean idempotentWrites;
    private final Duration uploadTimeout;
    private final Operator operator = new Operator();
    private final Object authLock = new Object();
    private Tokens tokens; // guarded by authLock

    private SimfleetClient(Builder b) {
        this.credentials = b.credentials;
        this.tokens = b.tokens;
        this.listener = b.listener;
        this.clock = b.clock;
        this.refreshAhead = b.refreshAhead;
        this.idempotentWrites = b.idempotentWrites;
        this.uploadTimeout = b.uploadTimeout;
        HttpClient http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.transport = new Transport(http, b.baseUri, b.requestTimeout, b.retryPolicy, b.clock, b.sleeper,
                "simfleet-client/" + VERSION + " (Java " + Runtime.version().feature() + ")");
    }

    /**
     * A client of the server at {@code baseUrl}: {@code http://host:8080}, or the same with
     * {@code /api} (the calls' paths are added to it).
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The server's base URI, without {@code /api}. */
    public URI baseUri() {
        return transport.base();
    }

    /** The tokens the client holds now, if any. */
    public Optional<Tokens> tokens() {
        synchronized (authLock) {
            return Optional.ofNullable(tokens);
        }
    }

    @Override
    public void close() {
        // the JDK's HttpClient frees its resources when unreachable; nothing to release before Java 21
    }

    // ------------------------------------------------------------------ authentication

    /** {@code POST /api/login} with the client's credentials; keeps and answers the new tokens. AuthException on 10126/10117/11044. */
    public Tokens login() {
        synchronized (authLock) {
            if (credentials == null) throw new IllegalStateException("this client has no credentials to log in with");
            doLogin();
            return tokens;
        }
    }

    /** {@code GET /api/RefreshToken} with the refresh token held; keeps and answers the new tokens. */
    public Tokens refreshToken() {
        synchronized (authLock) {
            if (tokens == null || tokens.refreshToken() == null) throw new IllegalStateException("no refresh token held");
            doRefresh();
            return tokens;
        }
    }

    /** {@code GET /api/Ping} (simfleet's addition, 10910): checks the token and says whose it is. */
    public Ping ping() {
        JsonNode r = get("/api/Ping", Map.of());
        return new Ping(text(r, "accountId"), text(r, "username"));
    }

    private void doLogin() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", credentials.username());
        body.put("password", credentials.password());
        if (credentials.targetAccountId() != null) body.put("targetAccountId", credentials.targetAccountId());
        setTokens(tokenAnswer(new Transport.Request("POST", "/api/login", Json.MAPPER.writeValueAsString(body), null, null, true)));
    }

    private void doRefresh() {
        setTokens(tokenAnswer(new Transport.Request("GET", "/api/RefreshToken", null, tokens.refreshToken(), null, true)));
    }

    private void setTokens(Tokens t) {
        tokens = t;
        if (listener != null) listener.tokensChanged(t);
    }

    private Tokens tokenAnswer(Transport.Request req) {
        Transport.Answer a = transport.exchange(req);
        JsonNode root = parse(a.body());
        if (a.status() == 200 && root != null && root.path("AccessToken").isString()) {
            JsonNode refresh = root.get("RefreshToken");
            return new Tokens(root.get("AccessToken").asString(), refresh != null && refresh.isString() ? refresh.asString() : null);
        }
        throw failure(req.operation(), a, root);
    }

    /** The access token to send, logging in or refreshing first when needed. */
    private String bearer() {
        synchronized (authLock) {
            if (tokens == null) {
                if (credentials == null) {
                    throw new AuthException(null, 0, ResultCode.UNAUTHORIZED, "not logged in: the client has neither credentials nor tokens", null, null);
                }
                doLogin();
            } else if (expiresWithin(tokens.accessExpiresAt(), refreshAhead)) {
                renew(tokens.accessToken());
            }
            return tokens.accessToken();
        }
    }

    /** Renews {@code failed} (an access token refused or about to expire) unless another thread did already. */
    private void renew(String failed) {
        synchronized (authLock) {
            if (tokens != null && !tokens.accessToken().equals(failed)) return;
            if (tokens != null && tokens.refreshToken() != null && !expiresWithin(tokens.refreshExpiresAt(), Duration.ofSeconds(5))) {
                try {
                    doRefresh();
                    return;
                } catch (AuthException refreshRefused) {
                    if (credentials == null) throw refreshRefused;
                }
            }
            if (credentials == null) {
                throw new AuthException(null, 401, ResultCode.UNAUTHORIZED,
                        "the session has expired and the client has no credentials to log in again", null, null);
            }
            doLogin();
        }
    }

    private boolean expiresWithin(Instant expiry, Duration margin) {
        return expiry != null && expiry.isBefore(clock.instant().plus(margin));
    }

    // ------------------------------------------------------------------ endpoints

    /** {@code POST /api/CreateEndPoint}: 6411 created, 6409 and linked, 5014 and activated. */
    public CreatedEndpoint createEndpoint(CreateEndpointRequest request) {
        return createEndpoint(request, CallOptions.NONE);
    }

    public CreatedEndpoint createEndpoint(CreateEndpointRequest request, CallOptions options) {
        Reply r = write("POST", "/api/CreateEndPoint", Map.of("Request", Map.of("requestParam", request.requestParam())), options);
        return new CreatedEndpoint(text(r.response, "endPointId"), r.outcome);
    }

    /** {@code GET /api/GetEndpoints}: one page ({@code perPage} at most 2000), ordered by endpoint id. */
    public Page<EndpointSummary> getEndpoints(EndpointQuery query, int page, int perPage) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page", Integer.toString(page));
        q.put("perPage", Integer.toString(perPage));
        if (query.tagId() != null) q.put("tagId", query.tagId());
        if (query.endpointGroupId() != null) q.put("endpointGroupId", query.endpointGroupId());
        JsonNode r = get("/api/GetEndpoints", q);
        return page(page, r, r.path("responseParam").path("endpoints"), EndpointSummary.class);
    }

    /** Every endpoint the query selects, page after page (2000 a page) as the stream is read. */
    public Stream<EndpointSummary> streamEndpoints(EndpointQuery query) {
        return stream(n -> getEndpoints(query, n, 2000));
    }

    /** {@code GET /api/GetEndPointProfile}: NotFoundException (1083) for an unknown or deleted endpoint. */
    public EndpointProfile getEndpointProfile(String endPointId) {
        JsonNode r = get("/api/GetEndPointProfile", Map.of("endPointId", endPointId));
        return convert(r.path("info"), EndpointProfile.class);
    }

    /** {@code GET /api/GetEndpointEvents} (simfleet's addition): one page of an endpoint's history, oldest first. */
    public Page<EndpointEvent> getEndpointEvents(String endPointId, int page, int perPage) {
        JsonNode r = get("/api/GetEndpointEvents", Map.of("endPointId", endPointId, "page", Integer.toString(page),
                "perPage", Integer.toString(perPage)));
        return page(page, r, r.path("responseParam").path("events"), EndpointEvent.class);
    }

    /** The events after {@code afterEventId} (the last one a reader has seen), at most {@code limit}. */
    public List<EndpointEvent> getEndpointEventsAfter(String endPointId, String afterEventId, int limit) {
        JsonNode r = get("/api/GetEndpointEvents", Map.of("endPointId", endPointId, "afterEventId", afterEventId,
                "perPage", Integer.toString(limit)));
        return list(r.path("responseParam").path("events"), EndpointEvent.class);
    }

    /** An endpoint's whole history, oldest first, page after page. */
    public Stream<EndpointEvent> streamEndpointEvents(String endPointId) {
        return stream(n -> getEndpointEvents(endPointId, n, 2000));
    }

    /** {@code PATCH /api/endpoint} (Modify, 10068); 10069 and others on refusal. */
    public Outcome modifyEndpoint(EndpointRef endpoint, ModifyEndpointRequest request) {
        return modifyEndpoint(endpoint, request, CallOptions.NONE);
    }

    public Outcome modifyEndpoint(EndpointRef endpoint, ModifyEndpointRequest request, CallOptions options) {
        Map<String, Object> req = new LinkedHashMap<>();
        endpoint.writeTo(req);
        req.put("requestParam", request.requestParam());
        return write("PATCH", "/api/endpoint", Map.of("Request", req), options).outcome;
    }

    /** {@code POST /api/DeleteEndPoint} (10159): only without a SIM (10158 otherwise). */
    public Outcome deleteEndpoint(String endPointId) {
        return deleteEndpoint(endPointId, CallOptions.NONE);
    }

    public Outcome deleteEndpoint(String endPointId, CallOptions options) {
        return write("POST", "/api/DeleteEndPoint", request(EndpointRef.id(endPointId), null), options).outcome;
    }

    /** {@code POST /api/LinkSim} (6409): links a Ready To Activate SIM; the endpoint is Pre-Active. */
    public Outcome linkSim(String endPointId, String iccid) {
        return linkSim(endPointId, iccid, CallOptions.NONE);
    }

    public Outcome linkSim(String endPointId, String iccid, CallOptions options) {
        return write("POST", "/api/LinkSim", request(EndpointRef.id(endPointId), Map.of("iccid", iccid)), options).outcome;
    }

    /**
     * {@code POST /api/SwapSim} (10966, simfleet's addition): the endpoint's SIM is replaced by a
     * Ready To Activate one, which takes its state; the endpoint keeps its state, plan, add-ons and
     * balances, and the replaced SIM goes back to Ready To Activate.
     */
    public Outcome swapSim(String endPointId, String iccid) {
        return swapSim(endPointId, iccid, CallOptions.NONE);
    }

    public Outcome swapSim(String endPointId, String iccid, CallOptions options) {
        return write("POST", "/api/SwapSim", request(EndpointRef.id(endPointId), Map.of("iccid", iccid)), options).outcome;
    }

    /** {@code POST /api/DeLinkSim}: 6413 done (endpoint on Hold), or 7021 queued while a data session is open. */
    public Outcome delinkSim(String endPointId) {
        return delinkSim(endPointId, CallOptions.NONE);
    }

    public Outcome delinkSim(String endPointId, CallOptions options) {
        return write("POST", "/api/DeLinkSim", request(EndpointRef.id(endPointId), null), options).outcome;
    }

    /** {@code POST /api/EndPointActivation} (5014): Pre-Active with a SIM to Active (OEM accounts: Active-Test). */
    public Outcome activateEndpoint(String endPointId) {
        return activateEndpoint(endPointId, CallOptions.NONE);
    }

    public Outcome activateEndpoint(String endPointId, CallOptions options) {
        return write("POST", "/api/EndPointActivation", request(EndpointRef.id(endPointId), null), options).outcome;
    }

    /**
     * {@code POST /api/EndPointLifeCycleChange} (5017): suspend, resume, or an OEM move.
     * {@code reason} (1, 2 or 3) may be null.
     */
    public LifecycleChange changeLifecycle(EndpointRef endpoint, Lifecycle target, String reason) {
        return changeLifecycle(endpoint, target, reason, CallOptions.NONE);
    }

    public LifecycleChange changeLifecycle(EndpointRef endpoint, Lifecycle target, String reason, CallOptions options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lifeCycle", target.code());
        if (reason != null) p.put("reason", reason);
        Reply r = write("POST", "/api/EndPointLifeCycleChange", request(endpoint, p), options);
        JsonNode rp = r.response.path("responseParam");
        return new LifecycleChange(text(rp, "previousStatus"), text(rp, "currentStatus"), r.outcome);
    }

    /** Suspends an active endpoint (lifecycle {@code S}). */
    public LifecycleChange suspendEndpoint(String endPointId) {
        return changeLifecycle(EndpointRef.id(endPointId), Lifecycle.SUSPEND, null);
    }

    /** Resumes a suspended endpoint (lifecycle {@code A}). */
    public LifecycleChange resumeEndpoint(String endPointId) {
        return changeLifecycle(EndpointRef.id(endPointId), Lifecycle.ACTIVE, null);
    }

    /** {@code POST /api/ChangeEndpointRoamingProfile} (1372): replaces the endpoint's roaming profiles. */
    public Outcome changeRoamingProfile(EndpointRef endpoint, List<String> roamingProfileIds) {
        return changeRoamingProfile(endpoint, roamingProfileIds, CallOptions.NONE);
    }

    public Outcome changeRoamingProfile(EndpointRef endpoint, List<String> roamingProfileIds, CallOptions options) {
        return write("POST", "/api/ChangeEndpointRoamingProfile",
                request(endpoint, Map.of("roamingProfileIds", List.copyOf(roamingProfileIds))), options).outcome;
    }

    /** {@code POST /api/ChangePlan} (7001). */
    public Outcome changePlan(EndpointRef endpoint, String planId) {
        return changePlan(endpoint, planId, CallOptions.NONE);
    }

    public Outcome changePlan(EndpointRef endpoint, String planId, CallOptions options) {
        return write("POST", "/api/ChangePlan", request(endpoint, Map.of("planId", planId)), options).outcome;
    }

    // ------------------------------------------------------------------ usage and add-ons

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");

    /**
     * {@code GET /api/GetStatistics} (2589): the endpoint's usage per day and service from
     * {@code from} to {@code to} (both included, at most 366 days, days in the account's time zone),
     * and its totals. A range without usage (the wire's {@code 1340 No record exists}) answers an
     * empty {@link Statistics} ({@link Statistics#hasUsage()} false) rather than throwing.
     * RefusedException {@code 1001} for a range the server refuses or an endpoint the account never had.
     */
    public Statistics getStatistics(String endPointId, LocalDate from, LocalDate to) {
        return getStatistics(endPointId, YYYYMMDD.format(from), YYYYMMDD.format(to));
    }

    /** {@link #getStatistics(String, LocalDate, LocalDate)} with the wire's {@code YYYYMMDD} dates. */
    public Statistics getStatistics(String endPointId, String fromDate, String toDate) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("endPointId", endPointId);
        q.put("from_date", fromDate);
        q.put("to_date", toDate);
        try {
            return convert(get("/api/GetStatistics", q).path("responseParam"), Statistics.class);
        } catch (NotFoundException e) {
            if (e.resultCode().equals(ResultCode.NO_RECORD_EXISTS)) return Statistics.NONE;
            throw e;
        }
    }

    /**
     * {@code POST /api/UpdateThreshold} (3005): sets the endpoint's own threshold (MB) of a data
     * counter, from the next usage record on. NotFoundException {@code 6721} for no such counter
     * (unknown counter or subscription, or a {@code planId} that is not the counter's);
     * RefusedException {@code 3006} for an endpoint the account does not have or one in
     * Active-Test / Active-Inventory. Retried after a lost answer only with an {@code Idempotency-Key}
     * ({@code CallOptions}, or {@code builder.idempotentWrites(true)}).
     */
    public Outcome updateThreshold(String endPointId, ThresholdUpdate update) {
        return updateThreshold(endPointId, update, CallOptions.NONE);
    }

    public Outcome updateThreshold(String endPointId, ThresholdUpdate update, CallOptions options) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (update.planId() != null) p.put("planId", update.planId());
        p.put("counterId", update.counterId());
        p.put("uniqueId", update.uniqueId() == null ? "0" : update.uniqueId());
        p.put("threshold", Long.toString(update.threshold()));
        return write("POST", "/api/UpdateThreshold", request(EndpointRef.id(endPointId), p), options).outcome;
    }

    /**
     * {@code POST /api/SubscribeAddon} (1171): subscribes the endpoint to one add-on plan of the
     * account; {@code benefits} (may be empty) sets the free units of its first validity period.
     * Answers the subscription, its {@code uniqueId}, benefits and counters. RefusedException
     * {@code 1172} (an endpoint the account does not have, a plan that is not one of its add-ons, a
     * state that refuses it), {@code 10260} (an adjusted balance below a counter's threshold),
     * {@code 1001 benefit…}, and Modify's add-on codes (10023, 10080, 10221). A second call
     * subscribes again: it is retried after a lost answer only with an {@code Idempotency-Key}
     * ({@code CallOptions}, or {@code builder.idempotentWrites(true)}), which makes the server
     * answer a repeat with the first subscription.
     */
    public AddonSubscription subscribeAddon(String endPointId, String planId, List<BenefitAdjustment> benefits) {
        return subscribeAddon(endPointId, planId, benefits, CallOptions.NONE);
    }

    public AddonSubscription subscribeAddon(String endPointId, String planId, List<BenefitAdjustment> benefits, CallOptions options) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endPointId", endPointId);
        p.put("planId", planId);
        if (benefits != null && !benefits.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (BenefitAdjustment b : benefits) list.add(Map.of("id", b.id(), "balance", Long.toString(b.balance())));
            p.put("benefit", list);
        }
        Reply r = write("POST", "/api/SubscribeAddon", Map.of("Request", Map.of("requestParam", p)), options);
        return convert(r.response.path("info"), AddonSubscription.class).withOutcome(r.outcome);
    }

    /**
     * {@code GET /api/GetEndpointAddonDetails} (10255): the endpoint's add-on subscriptions, each
     * with its benefits and counters; {@code addonId} (a plan id) and {@code uniqueId} narrow it and
     * may be null. No matching add-on (the wire's {@code 10257 Addon Not available}) answers an empty
     * list of plans rather than throwing. RefusedException {@code 1001 endPointId} for an endpoint the
     * account does not have.
     */
    public AddonDetails getEndpointAddonDetails(String endPointId, String addonId, String uniqueId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("endPointId", endPointId);
        if (addonId != null) q.put("addonId", addonId);
        if (uniqueId != null) q.put("uniqueId", uniqueId);
        try {
            return convert(get("/api/GetEndpointAddonDetails", q).path("info"), AddonDetails.class);
        } catch (NotFoundException e) {
            if (e.resultCode().equals(ResultCode.ADDON_NOT_AVAILABLE)) return new AddonDetails(endPointId, null);
            throw e;
        }
    }

    /** Every add-on subscription of the endpoint: {@link #getEndpointAddonDetails(String, String, String)} unfiltered. */
    public AddonDetails getEndpointAddonDetails(String endPointId) {
        return getEndpointAddonDetails(endPointId, null, null);
    }

    private static Map<String, Object> request(EndpointRef endpoint, Map<String, Object> requestParam) {
        Map<String, Object> req = new LinkedHashMap<>();
        endpoint.writeTo(req);
        if (requestParam != null) req.put("requestParam", requestParam);
        return Map.of("Request", req);
    }

    /** {@code GET /api/fetchICCIDForProvisioning}: the Ready To Activate SIMs as contiguous ranges. */
    public List<IccidRange> fetchIccidForProvisioning() {
        return list(get("/api/fetchICCIDForProvisioning", Map.of()).path("responseParam").path("rows"), IccidRange.class);
    }

    // ------------------------------------------------------------------ SIMs

    /** {@code GET /api/fetchSIM}: one page ({@code perPage} at most 2000). NotFoundException (1359) for an unknown {@code iccid}. */
    public Page<Sim> fetchSim(SimQuery query, int page, int perPage) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page", Integer.toString(page));
        q.put("perPage", Integer.toString(perPage));
        if (query.iccid() != null) q.put("iccid", query.iccid());
        if (query.simStatusId() != null) q.put("simStatusId", query.simStatusId());
        if (query.attached() != null) q.put("simAttachStatusId", query.attached() ? "1" : "0");
        JsonNode r = get("/api/fetchSIM", q);
        return page(page, r, r.path("responseParam").path("rows"), Sim.class);
    }

    /** Every SIM the query selects, page after page (2000 a page) as the stream is read. */
    public Stream<Sim> streamSims(SimQuery query) {
        return stream(n -> fetchSim(query, n, 2000));
    }

    // ------------------------------------------------------------------ bulk jobs

    /**
     * {@code POST /api/bulkProvisioning} (10054): answers the job id ({@code simProvisionId}).
     * Sent with a new {@code Idempotency-Key}, so a submission whose answer was lost is retried
     * without creating a second job.
     */
    public BulkSubmission bulkProvisioning(BulkProvisioningRequest request) {
        return bulkProvisioning(request, CallOptions.newIdempotencyKey());
    }

    /** As {@link #bulkProvisioning(BulkProvisioningRequest)} with the caller's key (a random one when the options have none). */
    public BulkSubmission bulkProvisioning(BulkProvisioningRequest request, CallOptions options) {
        String key = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
        Reply r = write("POST", "/api/bulkProvisioning", Map.of("bulkProvisioningInfo", request.bulkProvisioningInfo()),
                CallOptions.idempotencyKey(key));
        return new BulkSubmission(text(r.response, "simProvisionId"), key, r.outcome);
    }

    /** {@code PATCH /api/endpointbulk} (10070): answers the job id ({@code JobId}); sent with an {@code Idempotency-Key} as bulkProvisioning. */
    public BulkSubmission bulkModify(BulkModifyRequest request) {
        return bulkModify(request, CallOptions.newIdempotencyKey());
    }

    public BulkSubmission bulkModify(BulkModifyRequest request, CallOptions options) {
        String key = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("resourceType", request.resourceType().wire());
        req.put("valuelist", request.valuelist());
        req.put("requestParam", request.requestParam().requestParam());
        Reply r = write("PATCH", "/api/endpointbulk", Map.of("Request", req), CallOptions.idempotencyKey(key));
        return new BulkSubmission(text(r.response, "JobId"), key, r.outcome);
    }

    /** {@code GET /api/fetchSIMProvisioningDetails?simProvisionId=}: NotFoundException (10051) for an unknown id. */
    public ProvisioningDetails fetchSimProvisioningDetails(String simProvisionId) {
        List<ProvisioningDetails> rows = list(get("/api/fetchSIMProvisioningDetails", Map.of("simProvisionId", simProvisionId))
                .path("responseParam").path("rows"), ProvisioningDetails.class);
        if (rows.isEmpty()) {
            throw new NotFoundException("GET /api/fetchSIMProvisioningDetails", 200, ResultCode.FETCH_PROVISIONING_DETAILS_FAILURE,
                    "no provisioning request " + simProvisionId, null, null);
        }
        return rows.get(0);
    }

    /** Every bulk provisioning request of the account; {@code endpointStatus} (Active, Pre-Active, Active-Test) may be null. */
    public List<ProvisioningDetails> fetchSimProvisioningDetails(String simProvisionId, String endpointStatus) {
        Map<String, String> q = new LinkedHashMap<>();
        if (simProvisionId != null) q.put("simProvisionId", simProvisionId);
        if (endpointStatus != null) q.put("endpointStatus", endpointStatus);
        return list(get("/api/fetchSIMProvisioningDetails", q).path("responseParam").path("rows"), ProvisioningDetails.class);
    }

    /** {@code GET /api/getJobStatus} (simfleet's design, 10909): NotFoundException (1359) for an unknown job. */
    public JobStatus getJobStatus(String jobId) {
        return convert(get("/api/getJobStatus", Map.of("jobId", jobId)).path("responseParam"), JobStatus.class);
    }

    /**
     * Waits until the job has ended, asking {@code getJobStatus} every 0.25 s at first and then less
     * often (at most every {@code maxPollInterval}); {@code progress} gets every status read, the
     * last one included. Interrupting the thread stops the wait (the job goes on on the server).
     *
     * @throws TimeoutException when it has not ended within {@code timeout}
     */
    public JobStatus awaitJob(String jobId, Consumer<JobStatus> progress, Duration maxPollInterval, Duration timeout)
            throws InterruptedException, TimeoutException {
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        long pollMillis = Math.min(250, maxPollInterval.toMillis());
        while (true) {
            JobStatus s = getJobStatus(jobId);
            if (progress != null) progress.accept(s);
            if (s.finished()) return s;
            if (deadline != null && clock.instant().isAfter(deadline)) {
                throw new TimeoutException("job " + jobId + " still " + s.status() + " after " + timeout);
            }
            Thread.sleep(pollMillis);
            pollMillis = Math.min(maxPollInterval.toMillis(), pollMillis * 3 / 2);
        }
    }

    /** {@link #awaitJob(String, Consumer, Duration, Duration)} polling at most every 2 s, without a time limit. */
    public JobStatus awaitJob(String jobId, Consumer<JobStatus> progress) throws InterruptedException {
        try {
            return awaitJob(jobId, progress, Duration.ofSeconds(2), null);
        } catch (TimeoutException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Submits a bulk provisioning and waits for its job; see {@link #awaitJob(String, Consumer)}. */
    public JobStatus provisionAndWait(BulkProvisioningRequest request, Consumer<JobStatus> progress) throws InterruptedException {
        return awaitJob(bulkProvisioning(request).jobId(), progress);
    }

    /** Submits a bulk modify and waits for its job; the result of each value is in {@link JobStatus#items()}. */
    public JobStatus modifyAndWait(BulkModifyRequest request, Consumer<JobStatus> progress) throws InterruptedException {
        return awaitJob(bulkModify(request).jobId(), progress);
    }

    // ------------------------------------------------------------------ catalog

    /** {@code GET /api/fetchApnGroup} (10901). */
    public List<ApnGroup> fetchApnGroup() {
        return list(get("/api/fetchApnGroup", Map.of()).path("responseParam").path("rows"), ApnGroup.class);
    }

    /**
     * {@code GET /api/QueryRatePlan} (10902): {@code planCategory} NORMAL (or BASE), ADDON, TEST,
     * INVENTORY; {@code planType} 0 prepaid, 1 postpaid; either may be null.
     */
    public List<RatePlan> queryRatePlan(String planCategory, String planType) {
        Map<String, String> q = new LinkedHashMap<>();
        if (planCategory != null) q.put("planCategory", planCategory);
        if (planType != null) q.put("planType", planType);
        return list(get("/api/QueryRatePlan", q).path("responseParam").path("plan"), RatePlan.class);
    }

    /** {@code GET /api/GetPlans} (simfleet's addition): the account's plans as flat rows. */
    public List<Plan> getPlans() {
        return list(get("/api/GetPlans", Map.of()).path("responseParam").path("rows"), Plan.class);
    }

    /** {@code GET /api/GetPlans?endPointId=}: the endpoint's base plan, then the add-ons it holds (with {@code uniqueId}). */
    public List<Plan> getPlans(String endPointId) {
        return list(get("/api/GetPlans", Map.of("endPointId", endPointId)).path("responseParam").path("rows"), Plan.class);
    }

    /** {@code GET /api/GetServiceProfile} (10903); {@code serviceProfileId} may be null (every profile). */
    public List<ServiceProfile> getServiceProfile(String serviceProfileId) {
        Map<String, String> q = serviceProfileId == null ? Map.of() : Map.of("serviceProfileId", serviceProfileId);
        return list(get("/api/GetServiceProfile", q).path("responseParam").path("rows"), ServiceProfile.class);
    }

    /** {@code GET /api/GetRoamingProfiles} (10904); {@code roamingProfileId} may be null (every profile). */
    public List<RoamingProfile> getRoamingProfiles(String roamingProfileId) {
        Map<String, String> q = roamingProfileId == null ? Map.of() : Map.of("roamingProfileId", roamingProfileId);
        return list(get("/api/GetRoamingProfiles", q).path("responseParam").path("rows"), RoamingProfile.class);
    }

    /** {@code GET /api/GetSIMProduct} (10905). */
    public List<SimProduct> getSimProduct() {
        return list(get("/api/GetSIMProduct", Map.of()).path("responseParam").path("rows"), SimProduct.class);
    }

    /** {@code POST /api/createTag} (10149): up to 100 tags; answers their ids in order. */
    public List<String> createTag(List<NewTag> tags) {
        return createTag(tags, CallOptions.NONE);
    }

    public List<String> createTag(List<NewTag> tags, CallOptions options) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (NewTag t : tags) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tagName", t.tagName());
            if (t.tagDescription() != null) m.put("tagDescription", t.tagDescription());
            list.add(m);
        }
        Reply r = write("POST", "/api/createTag", Map.of("tagInfo", Map.of("createTag", list)), options);
        String ids = text(r.response, "tagId");
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    /** {@code GET /api/GetTags} (10906). */
    public List<Tag> getTags() {
        return list(get("/api/GetTags", Map.of()).path("responseParam").path("tagIdList"), Tag.class);
    }

    /** {@code GET /api/GetCustomerProfile} (10907): the account the caller acts in. */
    public CustomerProfile getCustomerProfile() {
        return convert(get("/api/GetCustomerProfile", Map.of()).path("responseParam"), CustomerProfile.class);
    }

    // ------------------------------------------------------------------ private network (simfleet's additions, docs/network.md)

    /** {@code GET /api/GetVSlices} (10950): the account's VSlices, by id. */
    public List<VSlice> getVSlices() {
        return list(get("/api/GetVSlices", Map.of()).path("responseParam").path("vSlices"), VSlice.class);
    }

    /** {@code POST /api/CreateEndpointGroup} (10951): answers the new group's id. */
    public String createEndpointGroup(String vSliceId, String name) {
        return text(write("POST", "/api/CreateEndpointGroup", Map.of("Request", Map.of("requestParam",
                Map.of("vSliceId", vSliceId, "endpointGroupName", name))), CallOptions.NONE).response, "endpointGroupId");
    }

    /** {@code GET /api/GetEndpointGroups} (10952): the account's groups, or those of one slice ({@code vSliceId} null: all). */
    public List<EndpointGroup> getEndpointGroups(String vSliceId) {
        Map<String, String> q = vSliceId == null ? Map.of() : Map.of("vSliceId", vSliceId);
        return list(get("/api/GetEndpointGroups", q).path("responseParam").path("endpointGroups"), EndpointGroup.class);
    }

    /** {@code POST /api/RenameEndpointGroup} (10953). */
    public Outcome renameEndpointGroup(String endpointGroupId, String name) {
        return write("POST", "/api/RenameEndpointGroup", Map.of("Request", Map.of("requestParam",
                Map.of("endpointGroupId", endpointGroupId, "endpointGroupName", name))), CallOptions.NONE).outcome;
    }

    /** {@code POST /api/DeleteEndpointGroup} (10954); 10959 while it holds endpoints. */
    public Outcome deleteEndpointGroup(String endpointGroupId) {
        return write("POST", "/api/DeleteEndpointGroup", Map.of("Request", Map.of("requestParam",
                Map.of("endpointGroupId", endpointGroupId))), CallOptions.NONE).outcome;
    }

    /**
     * {@code POST /api/AssignEndpointGroup} (10955): the endpoint into the group, with {@code ipAddress}
     * (null: the next free address of the group's slice); 10960 when the slice is full, 10961 when the address is taken.
     */
    public GroupMembership assignEndpointGroup(EndpointRef endpoint, String endpointGroupId, String ipAddress) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endpointGroupId", endpointGroupId);
        if (ipAddress != null) p.put("ipAddress", ipAddress);
        return convert(write("POST", "/api/AssignEndpointGroup", request(endpoint, p), CallOptions.NONE).response
                .path("responseParam"), GroupMembership.class);
    }

    /** {@code POST /api/UnassignEndpointGroup} (10956): out of its group, its address released; 10962 when in none. */
    public Outcome unassignEndpointGroup(EndpointRef endpoint) {
        return write("POST", "/api/UnassignEndpointGroup", request(endpoint, null), CallOptions.NONE).outcome;
    }

    /** {@code POST /api/BulkAssignEndpointGroup} (10957): a job (read it with {@link #getJobStatus}), sent with an {@code Idempotency-Key}. */
    public BulkSubmission bulkAssignEndpointGroup(BulkModifyRequest.ResourceType resourceType, List<String> values, String endpointGroupId) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("resourceType", resourceType.wire());
        req.put("valuelist", values);
        req.put("requestParam", Map.of("endpointGroupId", endpointGroupId));
        Reply r = write("POST", "/api/BulkAssignEndpointGroup", Map.of("Request", req), CallOptions.idempotencyKey(key));
        return new BulkSubmission(text(r.response, "JobId"), key, r.outcome);
    }

    /**
     * {@code POST /api/ClaimSim}: an endpoint for one of the account's SIMs, given its ICCID and
     * printed activation code (5014 activated, 6409 linked); 10964 for a wrong code or an unknown
     * ICCID, 10965 while the SIM is blocked after repeated wrong codes.
     */
    public ClaimedSim claimSim(ClaimSimRequest request) {
        Reply r = write("POST", "/api/ClaimSim", Map.of("Request", Map.of("requestParam", request.requestParam())), CallOptions.NONE);
        JsonNode m = r.response.get("responseParam");
        return new ClaimedSim(text(r.response, "endPointId"), m == null ? null : convert(m, GroupMembership.class), r.outcome);
    }

    // ------------------------------------------------------------------ operator API

    /**
     * The calls of the operator API ({@code /admin}, plain JSON, not the SFT envelope) this SDK
     * types: usage ingestion and credits. The client must be logged in as an operator user
     * ({@code admin}); any other account gets an {@link AuthException} (HTTP 403).
     */
    public Operator operator() {
        return operator;
    }

    /**
     * The operator API (docs/admin-api.md, docs/usage.md). Its failures throw as the SFT calls do:
     * a {@code 400} with {@code 1000}/{@code 1001} is a {@link RefusedException}, {@code 1359} (an
     * unknown account) a {@link NotFoundException}.
     */
    public final class Operator {
        private Operator() {}

        /**
         * {@code POST /admin/usage} with these records as JSON ({@code {"records": [...]}}): the
         * mediation input. Each record is accepted, a duplicate or refused on its own (see
         * {@link IngestionResult}). <b>Safe to retry:</b> the server stores a record once per
         * {@code recordId} and day, so this call is retried like a read (after no answer, HTTP 5xx or
         * 429); when an attempt's answer was lost after the server stored records, the answer of the
         * retry counts those as {@code duplicates}. Sending the same records again later is just as
         * safe. The answer may take long for many records: it waits up to the builder's
         * {@code uploadTimeout} (15 min by default).
         */
        public IngestionResult ingestUsage(List<UsageRecord> records) {
            String json = Json.MAPPER.writeValueAsString(Map.of("records", records));
            return ingest(new Transport.Body("application/json", () -> HttpRequest.BodyPublishers.ofString(json), true));
        }

        /**
         * {@code POST /admin/usage} with a CSV or JSON file, streamed from disk as it is sent (never
         * read whole into memory; the server reads it as a stream too, in batches of 10 000 records).
         * Retried as {@link #ingestUsage(List)} is, which is safe: ingestion is idempotent by record id,
         * so records a failed attempt already stored come back as {@code duplicates}.
         *
         * @throws UncheckedIOException (of a {@link FileNotFoundException}) when the file cannot be read
         */
        public IngestionResult ingestUsage(Path file, UsageFormat format) {
            Objects.requireNonNull(format, "format");
            try {
                HttpRequest.BodyPublishers.ofFile(file); // fails now for a file that cannot be read
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
            return ingest(new Transport.Body(format.contentType(), () -> {
                try {
                    return HttpRequest.BodyPublishers.ofFile(file);
                } catch (FileNotFoundException e) {
                    throw new UncheckedIOException(e);
                }
            }, true));
        }

        /**
         * {@code POST /admin/usage} with CSV or JSON read from {@code in} as it is sent (chunked,
         * never held whole in memory). A stream can be sent once only, so this call is <b>not</b>
         * retried: after a {@link NetworkException} send the same records again (from the start —
         * records already stored count as duplicates). The stream is read to its end.
         */
        public IngestionResult ingestUsage(InputStream in, UsageFormat format) {
            Objects.requireNonNull(format, "format");
            AtomicBoolean used = new AtomicBoolean();
            return ingest(new Transport.Body(format.contentType(), () -> {
                if (used.getAndSet(true)) throw new IllegalStateException("a usage stream can be sent once only");
                return HttpRequest.BodyPublishers.ofInputStream(() -> in);
            }, false));
        }

        private IngestionResult ingest(Transport.Body body) {
            // safe: idempotent by record id (the server takes no Idempotency-Key on this streamed route)
            JsonNode answer = admin(new Transport.Request("POST", "/admin/usage", body, null, null, true, uploadTimeout));
            return convert(answer, IngestionResult.class);
        }

        /**
         * {@code POST /admin/accounts/{id}/endpoints/{endpointId}/credit}: adds {@code amount} (the
         * account's currency, more than 0, at most 3 decimals) to a prepaid endpoint's main account
         * and lifts a data bar of an exhausted balance. A credit done twice adds twice, so it is sent
         * with a new {@code Idempotency-Key} (the server does the work once per key) and then retried
         * like a read; give your own key through {@code options} to repeat a credit safely later.
         * RefusedException {@code 1001 endPointId} for an endpoint the account does not have or a
         * postpaid one; NotFoundException {@code 1359} for an unknown account.
         */
        public EndpointCredit creditEndpoint(String accountId, String endPointId, BigDecimal amount) {
            return creditEndpoint(accountId, endPointId, amount, CallOptions.NONE);
        }

        public EndpointCredit creditEndpoint(String accountId, String endPointId, BigDecimal amount, CallOptions options) {
            String key = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
            String json = Json.MAPPER.writeValueAsString(Map.of("amount", amount));
            String path = "/admin/accounts/" + URLEncoder.encode(accountId, StandardCharsets.UTF_8) + "/endpoints/"
                    + URLEncoder.encode(endPointId, StandardCharsets.UTF_8) + "/credit";
            return convert(admin(new Transport.Request("POST", path, json, null, key, false)), EndpointCredit.class);
        }
    }

    // ------------------------------------------------------------------ any call

    /**
     * Any call, for one this SDK does not type yet: answers the {@code Response} object of a
     * success and throws as the typed methods do. {@code body} (any Jackson-writable value) may be
     * null; reads are retried, writes when {@code options} carry an {@code Idempotency-Key}.
     */
    public JsonNode call(String method, String path, Map<String, String> query, Object body, CallOptions options) {
        boolean safe = method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
        return send(method.toUpperCase(java.util.Locale.ROOT), path, query, body, options, safe).response;
    }

    // ------------------------------------------------------------------ plumbing

    private record Reply(JsonNode response, Outcome outcome) {}

    private JsonNode get(String path, Map<String, String> query) {
        return send("GET", path, query, null, CallOptions.NONE, true).response;
    }

    private Reply write(String method, String path, Object body, CallOptions options) {
        CallOptions o = options.idempotencyKey() == null && idempotentWrites ? CallOptions.newIdempotencyKey() : options;
        return send(method, path, Map.of(), body, o, false);
    }

    private Reply send(String method, String path, Map<String, String> query, Object body, CallOptions options, boolean safe) {
        String pathAndQuery = path + queryString(query);
        String json = body == null ? null : Json.MAPPER.writeValueAsString(body);
        Transport.Answer a = exchange(new Transport.Request(method, pathAndQuery, json, null, options.idempotencyKey(), safe));
        String operation = method + " " + path;
        JsonNode root = parse(a.body());
        JsonNode resp = root == null ? null : root.get("Response");
        if (resp == null || !resp.isObject()) throw failure(operation, a, root);
        Outcome outcome = outcome(resp, a);
        if (a.status() >= 200 && a.status() < 300 && "0".equals(text(resp, "resultCode"))) return new Reply(resp, outcome);
        throw failure(operation, a, root);
    }

    /**
     * One exchange with the client's access token. An answer 401 (an expired or revoked token)
     * renews the token (refresh, else log in again) and sends the request once more — unless its
     * body was a stream, which cannot be sent again.
     */
    private Transport.Answer exchange(Transport.Request req) {
        String token = bearer();
        Transport.Answer a = transport.exchange(req.withBearer(token));
        if (a.status() == 401) {
            renew(token);
            if (req.repeatable()) a = transport.exchange(req.withBearer(bearer()));
        }
        return a;
    }

    /** An operator API call: answers its plain JSON on a 2xx, throws as the SFT calls do otherwise. */
    private JsonNode admin(Transport.Request req) {
        Transport.Answer a = exchange(req);
        JsonNode root = parse(a.body());
        if (a.status() >= 200 && a.status() < 300 && root != null && root.isObject()) return root;
        throw failure(req.operation(), a, root);
    }

    private static Outcome outcome(JsonNode resp, Transport.Answer a) {
        JsonNode rp = resp.path("resultParam");
        boolean replayed = a.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        return new Outcome(text(resp, "responseId"), text(resp, "responseTimestamp"), ResultCode.parse(text(rp, "resultCode")),
                text(rp, "resultDescription"), replayed);
    }

    /** The exception for an answer that is not a success. */
    private static SftException failure(String operation, Transport.Answer a, JsonNode root) {
        int status = a.status();
        JsonNode resp = root == null ? null : root.get("Response");
        if ((resp == null || !resp.isObject()) && root != null && root.isObject() && root.path("resultCode").isString()) {
            // the operator API's plain error: {"resultCode": "1001", "resultDescription": "…"}
            return failure(operation, status, ResultCode.parse(text(root, "resultCode")),
                    Objects.requireNonNullElse(text(root, "resultDescription"), "HTTP " + status), null);
        }
        if (resp == null || !resp.isObject()) {
            if (status == 401 || status == 403) {
                return new AuthException(operation, status, ResultCode.of(status == 401 ? 401 : 10002), "HTTP " + status, null, null);
            }
            return new ServerException(operation, status, ResultCode.of(0), "HTTP " + status + ", not an SFT answer", null, null);
        }
        JsonNode rp = resp.path("resultParam");
        return failure(operation, status, ResultCode.parse(text(rp, "resultCode")),
                Objects.requireNonNullElse(text(rp, "resultDescription"), "HTTP " + status), text(resp, "responseId"));
    }

    /** The exception for a refusal with this code, by its category (docs/sdk-cli.md, "Failures"). */
    private static SftException failure(String operation, int status, ResultCode code, String description, String responseId) {
        int c = code.value();
        if (status == 401 || status == 403 || c == 401 || c == 10126 || c == 10117 || c == 11044 || c == 10002) {
            return new AuthException(operation, status, code, description, responseId, null);
        }
        if (status >= 500 || status == 429 || c == 10160) {
            return new ServerException(operation, status, code, description, responseId, null);
        }
        if (c == 1359 || c == 1083 || c == 10051 || c == 1340 || c == 10257 || c == 6721
                || description.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
            return new NotFoundException(operation, status, code, description, responseId, null);
        }
        return new RefusedException(operation, status, code, description, responseId, null);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> sb.append(sb.length() == 0 ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.isValueNode() ? v.asString() : v.toString();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return Json.MAPPER.treeToValue(node, type);
    }

    private static <T> List<T> list(JsonNode array, Class<T> type) {
        if (array == null || !array.isArray()) return List.of();
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) out.add(convert(n, type));
        return out;
    }

    private static <T> Page<T> page(int page, JsonNode resp, JsonNode rows, Class<T> type) {
        long total = resp.path("totalNoOfRecords").asLong(0);
        int pages = resp.path("totalNoOfPages").asInt(0);
        return new Page<>(page, list(rows, type), total, pages);
    }

    /** Pages 1, 2, … fetched one at a time as the stream is consumed, until the last. */
    static <T> Stream<T> stream(IntFunction<Page<T>> fetch) {
        Spliterator<Page<T>> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private int next = 1;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super Page<T>> action) {
                if (done) return false;
                Page<T> p = fetch.apply(next++);
                done = p.isLast();
                if (p.rows().isEmpty()) return false;
                action.accept(p);
                return true;
            }
        };
        return StreamSupport.stream(pages, false).flatMap(p -> p.rows().stream());
    }

    // ------------------------------------------------------------------ builder

    public static final class Builder {
        private final URI baseUri;
        private Credentials credentials;
        private Tokens tokens;
        private TokenListener listener;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration refreshAhead = Duration.ofSeconds(30);
        private boolean idempotentWrites;
        private Duration uploadTimeout = Duration.ofMinutes(15);
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Transport.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(String baseUrl) {
            String u = Objects.requireNonNull(baseUrl, "baseUrl").trim();
            while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
            if (u.endsWith("/api")) u = u.substring(0, u.length() - 4);
            URI uri = URI.create(u + "/");
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("base URL must be http(s)://host[:port]: " + baseUrl);
            }
            this.baseUri = uri;
        }

        /** Log in with these, and again whenever the session cannot be refreshed. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Start from tokens kept from an earlier login (e.g. the CLI's profile). */
        public Builder tokens(Tokens tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder tokenListener(TokenListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long to wait for one answer (default 60 s); a request without an answer by then counts as a network failure. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * How long a usage ingestion ({@link Operator}) may take to be answered (default 15 min):
         * the server answers once the whole body is read and every batch is stored.
         */
        public Builder uploadTimeout(Duration timeout) {
            this.uploadTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** Refresh the access token this long before it expires (default 30 s). */
        public Builder refreshAhead(Duration margin) {
            this.refreshAhead = margin;
            return this;
        }

        /**
         * Send every write with a new {@code Idempotency-Key} (default: only the bulk submissions),
         * which makes every write safe to retry after a lost answer.
         */
        public Builder idempotentWrites(boolean on) {
            this.idempotentWrites = on;
            return this;
        }

        /** The JDK client to use (proxy, TLS settings); {@link #connectTimeout} is then its business. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The clock token expiry is judged by (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public SimfleetClient build() {
            return new SimfleetClient(this);
        }
    }
}
