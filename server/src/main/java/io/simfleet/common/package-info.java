/** Shared vocabulary of all features: result codes, the domain exception, the calling actor, paging. */
package io.simfleet.common;
