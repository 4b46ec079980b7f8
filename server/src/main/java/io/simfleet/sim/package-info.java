/** The SIM inventory: import, listing, ICCID ranges ready for provisioning, and the atomic link of a SIM to an endpoint. */
package io.simfleet.sim;
