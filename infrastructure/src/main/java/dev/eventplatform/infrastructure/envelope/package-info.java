/** The published envelope of stored events. */
package dev.eventplatform.infrastructure.envelope;
