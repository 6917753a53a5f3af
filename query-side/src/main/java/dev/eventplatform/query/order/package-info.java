/** The orders read model: projection, repository and view records. */
package dev.eventplatform.query.order;
