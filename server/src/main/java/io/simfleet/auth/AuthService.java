package io.simfleet.auth;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.common.AccountType;
import io.simfleet.common.Actor;
import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.config.SimfleetProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, login with blocking after repeated failures, token refresh, token verification. */
@Service
public class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    // A hash to compare against when the user does not exist, so both cases cost the same time.
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final String DUMMY_HASH = new BCryptPasswordEncoder(10).encode("simfleet-dummy");

    private final UserRepository users;
    private final AccountService accounts;
    private final TokenService tokens;
    private final Clock clock;
    private final SimfleetProperties.Auth settings;
    private final RateLimiter limiter;
    private final SimfleetProperties.RateLimit limits;
    private final boolean limitsEnabled;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(10);

    AuthService(UserRepository users, AccountService accounts, TokenService tokens, Clock clock, SimfleetProperties props,
                RateLimiter limiter) {
        this.limiter = limiter;
        this.limits = props.rateLimit();
        this.limitsEnabled = props.rateLimitsEnabled();
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = props.auth();
    }

    public record TokenPair(String accessToken, String refreshToken) {}

    /** A user as the operator's pages list it: name, and until when it is blocked (null: not blocked now). */
    public record UserSummary(String username, long accountId, java.time.Instant blockedUntil) {}

    /** The users of an account, by name. */
    @Transactional(readOnly = true)
    public java.util.List<UserSummary> users(long accountId) {
        java.time.Instant now = clock.instant();
        return users.ofAccount(accountId).stream().map(u -> new UserSummary(u.username(), u.accountId(),
                u.blockedUntil() != null && u.blockedUntil().isAfter(now) ? u.blockedUntil() : null)).toList();
    }

    /** Creates a user of an account. Raises 1001 when the username is taken or malformed. */
    @Transactional
    public void createUser(String username, String password, long accountId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainException.wrong("username");
        }
        // BCrypt uses at most 72 bytes of a password and refuses longer ones
        if (password == null || password.length() < 3 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw DomainException.wrong("password");
        }
        accounts.get(accountId);
        if (users.exists(username)) {
            throw DomainException.wrong("username (already exists)");
        }
        users.insert(username, encoder.encode(password), accountId, clock.instant());
    }

    /**
     * Checks the credentials and issues a token pair. With {@code targetAccountId} a reseller
     * acts inside a descendant account (support access, written to that account's activity log).
     * Raises 10126 (bad credentials), 11044 (blocked after repeated failures), 10117 (target not
     * a descendant), 10002 (the account is disabled, said only to whom gave the right password),
     * 429 (more attempts than the rate limits allow, per username and per client address).
     */
    public TokenPair login(String username, String password, Long targetAccountId, String clientAddress) {
        Actor actor = signIn(username, password, targetAccountId, clientAddress);
        return issuePair(new TokenService.Claims(actor.username(), actor.userAccountId(), actor.accountId(), actor.accountType(),
                TokenService.Kind.ACCESS));
    }

    /**
     * The credential check of {@link #login}, for the web portal's form login, which keeps the
     * actor in a session instead of issuing tokens: the same rate limits, blocking, account checks
     * and support access (written to the target's activity log), raising the same codes.
     */
    public Actor signIn(String username, String password, Long targetAccountId, String clientAddress) {
        if (limitsEnabled) {
            limiter.acquire("login-address:" + RateLimiter.addressKey(clientAddress), limits.loginPerAddressPerMinute(),
                    Duration.ofMinutes(1), "login attempts from this address");
        }
        // a name no user can have is answered like an unknown one, and never becomes a key of the per-user counter
        boolean possible = USERNAME.matcher(username).matches();
        if (limitsEnabled && possible) {
            limiter.acquire("login-user:" + username.toLowerCase(Locale.ROOT), limits.loginPerUserPerMinute(),
                    Duration.ofMinutes(1), "login attempts for this user");
        }
        Optional<UserRepository.UserRow> found = possible ? users.find(username) : Optional.empty();
        if (found.isEmpty()) {
            encoder.matches(password, DUMMY_HASH);
            throw new DomainException(ResultCode.BAD_CREDENTIALS);
        }
        UserRepository.UserRow user = found.get();
        Instant now = clock.instant();
        if (user.blockedUntil() != null && user.blockedUntil().isAfter(now)) {
            throw new DomainException(ResultCode.USER_BLOCKED);
        }
        if (!encoder.matches(password, user.passwordHash())) {
            boolean blocked = users.recordFailure(user.id(), settings.maxFailedLogins(), now.plus(settings.blockDuration()));
            if (blocked) {
                log.warn("User {} blocked after {} failed logins", username, settings.maxFailedLogins());
                throw new DomainException(ResultCode.USER_BLOCKED);
            }
            throw new DomainException(ResultCode.BAD_CREDENTIALS);
        }
        Account own = accounts.get(user.accountId());
        if (!own.active()) {
            throw new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE, "account " + own.id() + " is disabled");
        }
        users.recordSuccess(user.id());
        Account acting = targetAccountId != null && targetAccountId != own.id() ? supportAccess(username, own, targetAccountId) : own;
        return new Actor(username, own.id(), acting.id(), acting.type(), null);
    }

    /**
     * Support access without a second password: a signed-in reseller or operator (acting in its own
     * account) opens a descendant account, as {@link #login} with {@code targetAccountId} does, and
     * it is written to that account's activity log. Raises 10117 (not a descendant, or the actor is
     * an enterprise or already acting in another account) and 10002 (an account is disabled).
     */
    public Actor openAccount(Actor signedIn, long targetAccountId) {
        if (signedIn.supportAccess()) throw new DomainException(ResultCode.WRONG_TARGET_ACCOUNT);
        Account own = accounts.get(signedIn.userAccountId());
        if (!own.active()) {
            throw new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE, "account " + own.id() + " is disabled");
        }
        Account acting = supportAccess(signedIn.username(), own, targetAccountId);
        return new Actor(signedIn.username(), own.id(), acting.id(), acting.type(), signedIn.requestId());
    }

    private Account supportAccess(String username, Account own, long targetAccountId) {
        if (own.type() == AccountType.ENTERPRISE || targetAccountId == own.id() || !accounts.isDescendant(own.id(), targetAccountId)) {
            throw new DomainException(ResultCode.WRONG_TARGET_ACCOUNT);
        }
        Account acting = accounts.get(targetAccountId);
        if (!acting.active()) {
            throw new DomainException(ResultCode.INSUFFICIENT_PRIVILEGE, "account " + acting.id() + " is disabled");
        }
        accounts.recordActivity(acting.id(), username, own.id(), "SUPPORT_ACCESS",
                "Support access by " + username + " of account " + own.id());
        return acting;
    }

    /** Issues a new pair from a valid refresh token; an invalid one raises 401. */
    public TokenPair refresh(String refreshToken) {
        TokenService.Claims c = tokens.verify(refreshToken, TokenService.Kind.REFRESH)
                .orElseThrow(() -> new DomainException(ResultCode.UNAUTHORIZED, "invalid or expired refresh token"));
        UserRepository.UserRow user = users.find(c.username())
                .orElseThrow(() -> new DomainException(ResultCode.UNAUTHORIZED, "unknown user"));
        if (user.blockedUntil() != null && user.blockedUntil().isAfter(clock.instant())) {
            throw new DomainException(ResultCode.USER_BLOCKED);
        }
        requireActiveAccounts(c);
        return issuePair(c);
    }

    /**
     * The actor of a valid access token. Raises 401 for a forged, expired or wrong-kind token,
     * and for a token whose user's account or acting account has been disabled since it was
     * issued (seen within the configured {@code account-status-cache}).
     */
    public Actor authenticate(String accessToken) {
        TokenService.Claims c = tokens.verify(accessToken, TokenService.Kind.ACCESS)
                .orElseThrow(() -> new DomainException(ResultCode.UNAUTHORIZED, "invalid or expired access token"));
        requireActiveAccounts(c);
        return new Actor(c.username(), c.userAccountId(), c.accountId(), c.accountType(), null);
    }

    /**
     * Whether a signed-in actor (a portal session) may still act: its user's account and the
     * account it acts in are both active (seen within the configured {@code account-status-cache}).
     */
    public boolean stillActive(Actor actor) {
        return accounts.isActive(actor.userAccountId()) && accounts.isActive(actor.accountId());
    }

    /** A token stops working once its user's account or the account it acts in is disabled: 401. */
    private void requireActiveAccounts(TokenService.Claims c) {
        if (!accounts.isActive(c.userAccountId()) || !accounts.isActive(c.accountId())) {
            throw new DomainException(ResultCode.UNAUTHORIZED, "account disabled");
        }
    }

    private TokenPair issuePair(TokenService.Claims c) {
        return new TokenPair(
                tokens.issue(new TokenService.Claims(c.username(), c.userAccountId(), c.accountId(), c.accountType(), TokenService.Kind.ACCESS)),
                tokens.issue(new TokenService.Claims(c.username(), c.userAccountId(), c.accountId(), c.accountType(), TokenService.Kind.REFRESH)));
    }
}
