/** The audit log: keyset pages that never skip a late commit, and per-subject history. */
package dev.eventplatform.query.audit;
