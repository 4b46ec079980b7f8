/**
 * The network simulator: the mobile network's view of every SIM, inside the server, behind the
 * network ports (it is an adapter, like a real HLR/HSS/PGW integration would be). It registers
 * served SIMs on networks of their roaming profiles, answers location questions, opens and
 * closes data sessions, produces usage records through the usage ingestion, and takes the
 * operator's scenarios (move, detach, sessions, SMS, networks down, faults). docs/network.md.
 */
package io.simfleet.simulator;
