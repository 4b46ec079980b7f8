package io.simfleet.idempotency;

import io.simfleet.common.Input;
import io.simfleet.config.SimfleetProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Idempotency keys, per account: the first request with a key reserves it (a row IN_PROGRESS,
 * committed before the work starts), does the work and stores its answer; a retry with the same
 * key and request gets that answer back, with another request it is refused. A retry that
 * arrives while the first request still runs waits up to {@link #WAIT} for its answer, then is
 * told to retry. Keys live {@code simfleet.idempotency.ttl} (24 h) from their first use.
 *
 * <p>A key is never stuck: a request whose answer is not kept {@linkplain #release releases} it,
 * and a reservation older than {@link #ABANDONED_AFTER} (its instance crashed) is taken over by
 * the next retry.
 */
@Service
public class IdempotencyStore {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    /** How long a request may hold its key unfinished before a retry counts it as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    /** How long a retry waits for a concurrent request with its key to finish. */
    public static final Duration WAIT = Duration.ofSeconds(5);
    public static final int MAX_KEY_LENGTH = 200;
    private static final long POLL_MILLIS = 25;

    private final IdempotencyRepository repo;
    private final Clock clock;
    private final Duration ttl;

    IdempotencyStore(IdempotencyRepository repo, Clock clock, SimfleetProperties props) {
        this.repo = repo;
        this.clock = clock;
        this.ttl = props.idempotency().ttl();
    }

    /** What to do with a request that carries a key. */
    public sealed interface Claim {}

    /** The key is this request's: do the work, then {@link #complete} or {@link #release} with {@code owner}. */
    public record Execute(String owner) implements Claim {}

    /** The key's first request has finished: answer what it answered. */
    public record Replay(StoredAnswer answer) implements Claim {}

    /** The key was used for another request (method, path or body differ). */
    public record Mismatch() implements Claim {}

    /** The key's first request is still running after {@link #WAIT}: the caller should retry later. */
    public record InProgress() implements Claim {}

    /** A key is at most {@link #MAX_KEY_LENGTH} characters, none of them a control character. */
    public static boolean validKey(String key) {
        return key.length() <= MAX_KEY_LENGTH && !Input.hasControlCharacter(key);
    }

    /** Reserves {@code key} of {@code account} for a request with fingerprint {@code requestHash}, or says why not. */
    public Claim claim(long account, String key, String requestHash) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String owner = UUID.randomUUID().toString();
        while (true) {
            Instant now = clock.instant();
            if (repo.reserve(account, key, requestHash, owner, now, now.plus(ttl))) return new Execute(owner);
            Optional<IdempotencyRepository.Row> found = repo.find(account, key);
            if (found.isEmpty()) continue; // released or cleaned up in between: reserve again
            IdempotencyRepository.Row row = found.get();
            if (!row.expiresAt().isAfter(now)) {
                repo.deleteExpired(account, key, now);
                continue;
            }
            if (!row.requestHash().equals(requestHash)) return new Mismatch();
            if (row.done()) return new Replay(row.answer());
            if (!row.startedAt().plus(ABANDONED_AFTER).isAfter(now)) {
                if (repo.takeOver(account, key, row.owner(), owner, now, now.plus(ttl))) {
                    log.warn("Idempotency key of account {} abandoned since {}: taken over", account, row.startedAt());
                    return new Execute(owner);
                }
                continue;
            }
            if (System.nanoTime() - deadline >= 0) return new InProgress();
            if (!pause()) return new InProgress();
        }
    }

    /** Keeps the answer of the request that reserved the key, for its retries. */
    public void complete(long account, String key, String owner, StoredAnswer answer) {
        if (!repo.complete(account, key, owner, answer)) {
            log.warn("Idempotency key of account {} was taken over before its answer was stored", account);
        }
    }

    /** Frees the key: the request's answer is not final (a failure a retry may fix), a retry does the work again. */
    public void release(long account, String key, String owner) {
        repo.release(account, key, owner);
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Expired keys are of no use; keeps the table the size of the keys used within the last TTL. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void forgetExpired() {
        int n = repo.deleteAllExpired(clock.instant());
        if (n > 0) log.debug("Forgot {} expired idempotency keys", n);
    }
}
