/** API-key authentication and role-based access for every endpoint group. */
package dev.eventplatform.infrastructure.security;
