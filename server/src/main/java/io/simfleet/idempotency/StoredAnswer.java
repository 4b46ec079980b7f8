package io.simfleet.idempotency;

/** The answer a request with an idempotency key got, replayed as it is to a retry: status, content type and body bytes. */
public record StoredAnswer(int status, String contentType, byte[] body) {}
