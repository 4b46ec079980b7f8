package io.simfleet.endpoint;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogService;

/**
 * Where the profile's balances come from (the usage feature keeps them): the main account, the
 * free units left of the plan and of each add-on, the counters, and whether rating barred data.
 */
public interface BalanceSource {
    /** The endpoint's balances now, its plans read from {@code catalog} (the view the caller already holds). */
    Balances balances(Endpoint endpoint, Plan plan, CatalogService.View catalog);
}
