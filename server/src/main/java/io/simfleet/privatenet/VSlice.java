package io.simfleet.privatenet;

import java.time.Instant;

/** A VSlice: one private network of an account, whose endpoints get static addresses from {@code subnet}. */
public record VSlice(long accountId, long id, String name, Subnet subnet, Instant createdAt) {

    /** A slice with what it holds: its endpoint groups and the addresses given out. */
    public record Usage(VSlice slice, long groups, long usedAddresses) {
        public long freeAddresses() {
            return slice.subnet().capacity() - usedAddresses;
        }
    }
}
