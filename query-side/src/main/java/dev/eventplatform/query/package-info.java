/** Query side: read models, the audit log and the event catalogue. */
package dev.eventplatform.query;
