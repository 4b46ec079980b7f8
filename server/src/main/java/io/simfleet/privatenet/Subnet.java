package io.simfleet.privatenet;

import io.simfleet.common.DomainException;

/**
 * An IPv4 subnet of a VSlice, {@code a.b.c.d/n} with 8 ≤ n ≤ 30. Its hosts are the addresses
 * between the network address and the broadcast address, both excluded: offsets 1 to
 * {@link #capacity()} from the network address.
 */
public record Subnet(long network, int prefix) {
    public static final int MIN_PREFIX = 8;
    public static final int MAX_PREFIX = 30;

    public Subnet {
        if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) throw new IllegalArgumentException("prefix " + prefix);
        if ((network & ~mask(prefix)) != 0) throw new IllegalArgumentException("host bits set in " + format(network) + "/" + prefix);
    }

    /**
     * The subnet written {@code a.b.c.d/n}; 1001 naming {@code field} when it is not an IPv4
     * subnet of prefix 8 to 30 written with its network address ({@code 10.0.0.5/24} is refused:
     * it names a host, not a subnet).
     */
    public static Subnet parse(String text, String field) {
        if (text == null || text.isBlank()) throw DomainException.missing(field);
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) throw DomainException.wrong(field + " (a.b.c.d/n expected)");
        long address = address(t.substring(0, slash), field);
        String p = t.substring(slash + 1);
        if (!p.matches("\\d{1,2}")) throw DomainException.wrong(field + " (a.b.c.d/n expected)");
        int prefix = Integer.parseInt(p);
        if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
            throw DomainException.wrong(field + " (prefix /" + MIN_PREFIX + " to /" + MAX_PREFIX + ")");
        }
        if ((address & ~mask(prefix)) != 0) {
            throw DomainException.wrong(field + " (" + t + " is not a network address; " + format(address & mask(prefix)) + "/" + prefix + "?)");
        }
        return new Subnet(address, prefix);
    }

    /** A dotted-quad IPv4 address as a number; 1001 naming {@code field} otherwise (no leading zeros, no other notation). */
    public static long address(String text, String field) {
        if (text == null || text.isBlank()) throw DomainException.missing(field);
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) throw DomainException.wrong(field);
        long a = 0;
        for (String part : parts) {
            if (!part.matches("0|[1-9]\\d{0,2}")) throw DomainException.wrong(field);
            int octet = Integer.parseInt(part);
            if (octet > 255) throw DomainException.wrong(field);
            a = (a << 8) | octet;
        }
        return a;
    }

    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** The number of host addresses: 2^(32-n) - 2. */
    public long capacity() {
        return (1L << (32 - prefix)) - 2;
    }

    /** The host at {@code offset} (1 … capacity). */
    public long host(long offset) {
        if (offset < 1 || offset > capacity()) throw new IllegalArgumentException("offset " + offset);
        return network + offset;
    }

    /** Whether {@code address} is one of the subnet's hosts (not its network or broadcast address). */
    public boolean isHost(long address) {
        return address > network && address < network + capacity() + 1;
    }

    public boolean contains(long address) {
        return (address & mask(prefix)) == network;
    }

    public boolean overlaps(Subnet other) {
        int p = Math.min(prefix, other.prefix);
        return (network & mask(p)) == (other.network & mask(p));
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
