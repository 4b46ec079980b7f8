/**
 * The web portal (issue 10, docs/portal.md): server-rendered pages (Thymeleaf, htmx, Chart.js from
 * the jar) under {@code /portal}, behind a filter chain of its own (session, form login on the
 * API's users, CSRF), on the same services as the API; and the root page {@code /}.
 */
package io.simfleet.portal;
