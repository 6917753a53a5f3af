/** REST API of the event catalogue. */
package dev.eventplatform.query.catalogue;
