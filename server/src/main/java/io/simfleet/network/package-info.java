/**
 * The mobile network as the platform sees it, behind two ports: {@link io.simfleet.network.NetworkCommandPort}
 * (outbound: provision, activate, suspend, bar, blacklist, detach; sent from the outbox after commit)
 * and {@link io.simfleet.network.NetworkEventPort} (inbound: sessions today, usage records and
 * status later), implemented by {@link io.simfleet.network.NetworkEvents}, which keeps the last
 * reported state per SIM in {@code sim_network_state}. Without an adapter, {@link io.simfleet.network.NoNetwork}
 * accepts the commands and reports nothing.
 */
package io.simfleet.network;
