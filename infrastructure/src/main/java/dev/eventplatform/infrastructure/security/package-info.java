/**
 * API-key authentication and role-based access for every endpoint group; the short-lived
 * query tokens a feature accepts on its own requests ({@link QueryTokenAuthentication});
 * and the static pages open without a key ({@link PublicPages}).
 */
package dev.eventplatform.infrastructure.security;
