/**
 * The web portal of enterprise users (issue "portal"). Until it exists: the root page {@code /},
 * a static page from the jar linking the API description, health and the documentation.
 */
package io.simfleet.portal;
