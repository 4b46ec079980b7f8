/** Start-up wiring: configuration properties, the database (embedded or external), the clock, the JWT key. */
package io.simfleet.config;
