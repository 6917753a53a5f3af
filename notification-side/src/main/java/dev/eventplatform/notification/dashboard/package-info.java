/**
 * The live-events page at {@code /dashboard/}: static files, open without a key, that ask
 * for a {@code STREAM} key, trade it for a stream token and open the event stream with
 * it.
 */
package dev.eventplatform.notification.dashboard;
