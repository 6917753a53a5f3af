package dev.eventplatform.notification.stream;

/**
 * An event ready to send: its envelope is serialized once, however many connections it
 * reaches.
 *
 * @param position its position in the log, sent as the event's id
 * @param type its type, sent as the event's name
 * @param subject its aggregate, for the {@code subject} filter
 * @param json the published envelope
 */
record StreamEvent(long position, String type, String subject, String json) {
}
