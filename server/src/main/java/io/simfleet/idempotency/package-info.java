/**
 * Idempotency keys of every write call: the key, the account, the request's fingerprint and the
 * stored answer, shared by every instance through PostgreSQL. The web edge ({@code sftapi}) decides
 * which requests use it and turns HTTP answers into {@link io.simfleet.idempotency.StoredAnswer}s.
 */
package io.simfleet.idempotency;
