/**
 * The Server-Sent Events stream ({@code GET /events/stream}): one shared poller per node
 * feeds every connection's live events, and each connection catches up from its own
 * position through the shared event-log reader, so a resumed stream has no gap and no
 * duplicate at the seam.
 */
package dev.eventplatform.notification.stream;
