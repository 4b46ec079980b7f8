package io.simfleet.network;

/** What the network side answered instead of a location: the SFT codes of locationInfo's failures. */
public class NetworkFault extends RuntimeException {
    public enum Kind { DETACHED, HSS_UNREACHABLE, HSS_TIMEOUT, NO_LOCATION }

    private final Kind kind;

    public NetworkFault(Kind kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
