/** Endpoints: the state machine, create (with link and activation), listing, profile and event history. */
package io.simfleet.endpoint;
