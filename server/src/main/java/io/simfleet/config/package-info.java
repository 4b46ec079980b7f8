/**
 * Start-up wiring: configuration properties, the database (embedded or external), the clock, the
 * generated secrets (JWT key, embedded database password) and the HTTP bind address.
 */
package io.simfleet.config;
