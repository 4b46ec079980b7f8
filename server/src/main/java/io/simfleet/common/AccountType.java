package io.simfleet.common;

public enum AccountType {
    OPERATOR, RESELLER, ENTERPRISE
}
