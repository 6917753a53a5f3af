/** REST API of the audit log. */
package dev.eventplatform.query.audit.web;
