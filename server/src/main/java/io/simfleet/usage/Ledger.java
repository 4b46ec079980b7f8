package io.simfleet.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint's balances as rating moves them: the main account, the free units used per
 * benefit and period, the counters per period and the endpoint's own thresholds. Loaded with
 * the endpoint's row locked, changed in memory by {@link Rater}, written back where it changed.
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
    /** Whether the wallet has a row (else it is written, with {@link #initial}, the first time it changes). */
    final boolean stored;
    /** What a prepaid main account was credited in all (its row's {@code initial}). */
    BigDecimal initial;

    Ledger(long accountId, long endpointId, BigDecimal balance, BigDecimal shortfall, boolean balanceBarred,
           String counterBarId, Instant counterBarUntil) {
        this(accountId, endpointId, balance, shortfall, balanceBarred, counterBarId, counterBarUntil, true, balance);
    }

    /** A main account's first credit: its plan's {@code tariff.initialBalance} when prepaid, else nothing. */
    static BigDecimal initialBalance(int subscriberType, io.simfleet.catalog.CatalogModel.Plan plan) {
        return subscriberType == 0 && plan != null ? plan.tariff().initialBalance() : BigDecimal.ZERO;
    }

    /** The wallet of an endpoint that has no row yet: its main account at {@code initial}, nothing barred. */
    static Ledger fresh(long accountId, long endpointId, BigDecimal initial) {
        return new Ledger(accountId, endpointId, initial, BigDecimal.ZERO, false, null, null, false, initial);
    }

    Ledger(long accountId, long endpointId, BigDecimal balance, BigDecimal shortfall, boolean balanceBarred,
           String counterBarId, Instant counterBarUntil, boolean stored, BigDecimal initial) {
        this.stored = stored;
        this.initial = initial;
        this.accountId = accountId;
        this.endpointId = endpointId;
        this.balance = balance;
        this.shortfall = shortfall;
        this.balanceBarred = balanceBarred;
        this.counterBarId = counterBarId;
        this.counterBarUntil = counterBarUntil;
        this.loaded = state();
        this.loadedInitial = initial;
    }

    private final Object loadedInitial;

    private Object[] state() {
        return new Object[] {balance, shortfall, balanceBarred, counterBarId, counterBarUntil};
    }

    /** Whether what it was credited changed (a credit): written with the rest. */
    boolean initialChanged() {
        return initial.compareTo((BigDecimal) loadedInitial) != 0;
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
