package io.simfleet.network;

/**
 * What the platform asks of the mobile network. The network simulator implements it in a later
 * stage; until then {@link NetworkConfig} answers that no SIM is in a session.
 */
public interface NetworkGateway {
    /** Whether the SIM with this master IMSI has a data session open right now. */
    boolean hasActiveDataSession(String imsi);
}
