/**
 * The OpenAPI description that springdoc generates from the controllers, completed with
 * what it cannot infer: roles, problem responses and version headers, declared with
 * {@link ApiContract}.
 */
package dev.eventplatform.infrastructure.openapi;
