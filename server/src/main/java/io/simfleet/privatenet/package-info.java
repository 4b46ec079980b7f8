/**
 * The private network of an account (issue 12, docs/network.md "Private network"): VSlices, each
 * an IPv4 subnet; endpoint groups in a slice; which group each endpoint is in and the static
 * address it holds from its slice's subnet. The endpoint feature calls it under the endpoint's
 * lock to assign and release ({@link io.simfleet.privatenet.PrivateNetworkService#join},
 * {@link io.simfleet.privatenet.PrivateNetworkService#leave}); it knows nothing of endpoints but
 * their ids.
 */
package io.simfleet.privatenet;
