package io.simfleet.endpoint;

import io.simfleet.catalog.CatalogModel.Plan;

/**
 * Where the profile's balances come from (the usage feature keeps them): the main account, the
 * free units left of the plan and of each add-on, the counters, and whether rating barred data.
 */
public interface BalanceSource {
    Balances balances(Endpoint endpoint, Plan plan);
}
