/**
 * Network diagnosis of an endpoint, the calls behind fetchNetworkStatus, locationInfo,
 * endpointCoverage and endPointBlacklisting: what the network last reported of the endpoint's
 * SIM, where the HSS says it is now (asked through the network's query port with a bounded
 * wait), the networks its roaming profiles give it, and the networks it has blacklisted.
 * docs/network.md.
 */
package io.simfleet.diagnosis;
