package dev.eventplatform.infrastructure.processor;

import java.time.Instant;
import java.util.List;

/**
 * One streaming processor as operators see it, from every node's segments in the token
 * store and this node's own view of those it runs.
 *
 * @param state {@code running}, {@code paused}, {@code resetting}, {@code replaying},
 * {@code failing} or {@code stopped} (no node holds a segment)
 * @param local whether this node runs it
 * @param headPosition the newest position in the log, -1 when it is empty
 * @param position the lowest position of its segments, -1 before the first event
 * @param lagEvents events between its lowest segment and the head
 * @param lagSeconds how long ago the oldest event it has yet to handle was appended
 * @param replay a replay's progress, while it replays
 * @param failure a failing segment's last error and since when, while it fails
 * @param deadLetters events waiting in its dead-letter queue; {@code null} when the group
 * has none
 * @param reset the last reset asked, if any
 */
public record ProcessorStatus(String name, String processingGroup, String state, boolean local, boolean paused,
		long headPosition, long position, long lagEvents, double lagSeconds, List<Segment> segments, Replay replay,
		Failure failure, Long deadLetters, Reset reset) {

	/**
	 * @param owner the node holding it, {@code null} when unclaimed
	 * @param position its position, -1 before the first event
	 */
	public record Segment(int segment, String owner, long position, boolean replaying) {
	}

	/**
	 * @param progress from 0 to 1, of the events between the reset's target and the head
	 * when it was reset
	 * @param secondsLeft at the recent rate; {@code null} until a rate is known
	 */
	public record Replay(double progress, Double secondsLeft) {
	}

	public record Failure(String error, Instant since) {
	}

	/**
	 * @param state {@code REQUESTED}, {@code RESETTING} or {@code DONE}
	 * @param afterPosition the position it handles events after; {@code null} for the
	 * tail
	 * @param node the node that moved the tokens
	 */
	public record Reset(String state, Long afterPosition, Instant requestedAt, Instant doneAt, String node) {
	}

}
