/** The account tree (operator, resellers, enterprises), account flags and the activity log. */
package io.simfleet.account;
