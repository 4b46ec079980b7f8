package io.simfleet.client.model;

/** {@code imeiLockStatus}. */
public enum LockStatus { LOCK, UNLOCK }
