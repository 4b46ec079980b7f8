/** The catalog: APN groups, service profiles, roaming profiles and their networks, plans, dynamic benefits, value-added features, SIM products, tags. */
package io.simfleet.catalog;
