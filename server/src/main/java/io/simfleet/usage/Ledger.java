package io.simfleet.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint's balances as rating moves them: the main account, the free units used per
 * benefit and period, the counters per period and the endpoint's own thresholds. Loaded with
 * the endpoint's wallet row locked, changed in memory by {@link Rater}, written back whole.
 */
final class Ledger {
    record BenefitKey(long uniqueId, String service, Instant periodStart) {}

    record CounterKey(long uniqueId, String counterId, Instant periodStart) {}

    record ThresholdKey(long uniqueId, String counterId) {}

    /** A pooled dynamic benefit's period: shared by the ledgers of one account in a batch. */
    record PoolKey(long benefitId, Instant periodStart) {}

    static final class BenefitRow {
        final long actual;
        long used;
        boolean dirty;

        BenefitRow(long actual, long used) {
            this.actual = actual;
            this.used = used;
        }

        long left() {
            return actual - used;
        }
    }

    static final class CounterRow {
        long usage;
        Instant firedAt;
        boolean dirty;

        CounterRow(long usage, Instant firedAt) {
            this.usage = usage;
            this.firedAt = firedAt;
        }
    }

    final long accountId;
    final long endpointId;
    BigDecimal balance;
    BigDecimal shortfall;
    boolean balanceBarred;
    String counterBarId;
    Instant counterBarUntil;
    final Map<BenefitKey, BenefitRow> benefits = new LinkedHashMap<>();
    final Map<CounterKey, CounterRow> counters = new LinkedHashMap<>();
    final Map<ThresholdKey, Long> thresholdsMb = new LinkedHashMap<>();

    /** The wallet as loaded: {@link #changed} compares with it, so an unchanged wallet is not written. */
    private final Object[] loaded;

    Ledger(long accountId, long endpointId, BigDecimal balance, BigDecimal shortfall, boolean balanceBarred,
           String counterBarId, Instant counterBarUntil) {
        this.accountId = accountId;
        this.endpointId = endpointId;
        this.balance = balance;
        this.shortfall = shortfall;
        this.balanceBarred = balanceBarred;
        this.counterBarId = counterBarId;
        this.counterBarUntil = counterBarUntil;
        this.loaded = state();
    }

    private Object[] state() {
        return new Object[] {balance, shortfall, balanceBarred, counterBarId, counterBarUntil};
    }

    /** Whether the wallet's own columns changed since it was loaded. */
    boolean changed() {
        return !java.util.Arrays.equals(loaded, state());
    }

    boolean counterBarredAt(Instant now) {
        return counterBarUntil != null && counterBarUntil.isAfter(now);
    }

    boolean dataBarredAt(Instant now) {
        return balanceBarred || counterBarredAt(now);
    }
}
