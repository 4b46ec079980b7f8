package io.simfleet.network;

import java.time.Instant;

/**
 * What the network reported of a SIM: attached or not, on which network (TADIG, MCC-MNC,
 * operator, country) and RAT, with which IP address and policy (DEFAULT, BLOCKED, THROTTLE_…).
 */
public record NetworkReport(boolean attached, String tadigCode, String mccMnc, String operatorName, String countryName, String rat,
                            String ipAddress, String policy, Instant at) {}
