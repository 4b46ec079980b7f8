/**
 * Usage, rating and balances: the one entry point for usage records of the network side
 * (operator feeds, the simulator), rating against the plan, add-ons and prices the endpoint had
 * at the record's time, the main account and free units they move, usage counters and their
 * threshold actions, the daily aggregates GetStatistics reads, and the scheduled end of add-on
 * validity periods. docs/usage.md.
 */
package io.simfleet.usage;
