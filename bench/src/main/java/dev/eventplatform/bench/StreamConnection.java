package dev.eventplatform.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One Server-Sent Events connection of {@link StreamClients}: its socket, its HTTP/1.1
 * response (status line, headers, chunked transfer coding) and the SSE fields in the
 * body. Parsed as the bytes arrive, without a copy of the body; confined to its I/O
 * thread, except for the volatile fields, which the harness reads while it runs.
 */
final class StreamConnection {

	enum State {

		/** Waiting for its I/O thread to connect it. */
		QUEUED,
		/** Connecting or sending the request. */
		CONNECTING,
		/** Request sent; reading the status line and headers. */
		HEADERS,
		/** 200 read: the stream is open. */
		OPEN,
		/** A non-200 answer: reading its body for the error sample. */
		REFUSED,
		/** Ended by the server after it was open (end of body or closed socket). */
		ENDED,
		/** Never opened: connection, request or answer failed. */
		FAILED,
		/** Closed by the harness. */
		CLOSED

	}

	private static final int MAX_HEAD = 16 * 1024;

	private static final int MAX_LINE = 1024 * 1024;

	private static final int MAX_ERROR_BODY = 300;

	private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ID = "id".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RETRY = "retry".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] KEEPALIVE = ":keepalive".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CLOSED_EVENT = "stream-closed".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TOO_OLD_EVENT = "position-too-old".getBytes(StandardCharsets.US_ASCII);

	// Chunked transfer coding: the size line, the data, the CRLF after the data.
	private static final int CHUNK_SIZE = 0;

	private static final int CHUNK_DATA = 1;

	private static final int CHUNK_END = 2;

	private static final int CHUNK_DONE = 3;

	private final int index;

	private final InetSocketAddress source;

	private final long reachId;

	private final int ioThread;

	SocketChannel channel;

	ByteBuffer request;

	private volatile State state = State.QUEUED;

	private volatile long startedNanos;

	private volatile long openedNanos;

	/** When the first event with an id at or above {@code reachId} arrived; 0 before. */
	private volatile long reachedNanos;

	private volatile long events;

	private volatile long lastId = -1;

	private volatile String failure;

	private long firstEventNanos;

	private long outOfOrder;

	private long keepalives;

	private long tooOld;

	private long bytes;

	private String closedReason;

	private int status;

	// The response head until its blank line.
	private byte[] head = new byte[512];

	private int headLength;

	private boolean chunked;

	private long contentLength = -1;

	private long bodyRead;

	private int chunkState = CHUNK_SIZE;

	private long chunkSize;

	private boolean chunkExtension;

	private long chunkRemaining;

	private final StringBuilder errorBody = new StringBuilder();

	// The SSE line being read, and the fields of the event being read.
	private byte[] line = new byte[256];

	private int lineLength;

	private byte[] data = new byte[256];

	private int dataLength;

	private boolean hasData;

	private long eventId = -1;

	private byte[] eventType;

	StreamConnection(int index, InetSocketAddress source, long reachId, int ioThread) {
		this.index = index;
		this.source = source;
		this.reachId = reachId;
		this.ioThread = ioThread;
	}

	/** The number of the I/O thread that serves it, from 0. */
	int ioThread() {
		return ioThread;
	}

	int index() {
		return index;
	}

	InetSocketAddress source() {
		return source;
	}

	State state() {
		return state;
	}

	long startedNanos() {
		return startedNanos;
	}

	long openedNanos() {
		return openedNanos;
	}

	long reachedNanos() {
		return reachedNanos;
	}

	long firstEventNanos() {
		return firstEventNanos;
	}

	long events() {
		return events;
	}

	long lastId() {
		return lastId;
	}

	long outOfOrder() {
		return outOfOrder;
	}

	long keepalives() {
		return keepalives;
	}

	long tooOld() {
		return tooOld;
	}

	long bytes() {
		return bytes;
	}

	int status() {
		return status;
	}

	/** The {@code reason} of the server's {@code stream-closed} event, if it sent one. */
	String closedReason() {
		return closedReason;
	}

	String failure() {
		return failure;
	}

	void connecting(long nanos) {
		startedNanos = nanos;
		state = State.CONNECTING;
	}

	void requestSent() {
		state = State.HEADERS;
	}

	/** Marks a connection that never opened; returns false if it had ended already. */
	boolean fail(String why) {
		if (state == State.FAILED || state == State.ENDED || state == State.CLOSED) {
			return false;
		}
		failure = why;
		state = state == State.OPEN ? State.ENDED : State.FAILED;
		return true;
	}

	void closedByHarness() {
		if (state != State.FAILED && state != State.ENDED) {
			state = State.CLOSED;
		}
	}

	/**
	 * The server closed the socket: an open stream ended, anything else failed.
	 */
	void endOfInput(StreamClients.Listener listener) {
		if (state == State.REFUSED) {
			refused(listener);
		}
		else if (state == State.OPEN) {
			state = State.ENDED;
			failure = "closed by the server" + (closedReason != null ? " after stream-closed " + closedReason : "");
			listener.ended(this);
		}
		else if (fail("closed by the server before the response")) {
			listener.ended(this);
		}
	}

	/**
	 * Takes the bytes of one read, all received at {@code nanos}; returns false when the
	 * connection is done (ended or refused) and should be closed.
	 */
	boolean received(byte[] buffer, int offset, int length, long nanos, StreamClients.Listener listener) {
		bytes += length;
		int i = offset;
		int end = offset + length;
		if (state == State.HEADERS) {
			i = readHead(buffer, i, end, nanos, listener);
			if (i < 0) {
				return false;
			}
		}
		if (state != State.OPEN && state != State.REFUSED) {
			return state == State.HEADERS;
		}
		if (!chunked) {
			body(buffer, i, end, nanos, listener);
			bodyRead += end - i;
			if (contentLength >= 0 && bodyRead >= contentLength) {
				return endOfBody(listener);
			}
			return state == State.OPEN || state == State.REFUSED;
		}
		while (i < end) {
			switch (chunkState) {
				case CHUNK_SIZE -> {
					byte b = buffer[i++];
					if (b == '\n') {
						if (chunkSize == 0) {
							chunkState = CHUNK_DONE;
							return endOfBody(listener);
						}
						chunkRemaining = chunkSize;
						chunkSize = 0;
						chunkExtension = false;
						chunkState = CHUNK_DATA;
					}
					else if (b == ';') {
						chunkExtension = true;
					}
					else if (!chunkExtension && b != '\r') {
						int digit = Character.digit(b, 16);
						if (digit < 0 || chunkSize > (Long.MAX_VALUE >> 4)) {
							protocolError("bad chunk size", listener);
							return false;
						}
						chunkSize = chunkSize * 16 + digit;
					}
				}
				case CHUNK_DATA -> {
					int n = (int) Math.min(chunkRemaining, end - i);
					body(buffer, i, i + n, nanos, listener);
					i += n;
					chunkRemaining -= n;
					if (chunkRemaining == 0) {
						chunkState = CHUNK_END;
					}
				}
				case CHUNK_END -> {
					if (buffer[i++] == '\n') {
						chunkState = CHUNK_SIZE;
					}
				}
				default -> i = end;
			}
			if (state != State.OPEN && state != State.REFUSED) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the index after the head, or the end while it is incomplete; -1 on error.
	 */
	private int readHead(byte[] buffer, int from, int end, long nanos, StreamClients.Listener listener) {
		for (int i = from; i < end; i++) {
			if (headLength == head.length) {
				if (head.length >= MAX_HEAD) {
					protocolError("response head longer than " + MAX_HEAD + " bytes", listener);
					return -1;
				}
				head = Arrays.copyOf(head, head.length * 2);
			}
			head[headLength++] = buffer[i];
			if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
					&& head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
				if (!parseHead(nanos, listener)) {
					return -1;
				}
				return i + 1;
			}
		}
		return end;
	}

	private boolean parseHead(long nanos, StreamClients.Listener listener) {
		String[] lines = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).split("\r\n");
		head = null;
		String[] statusLine = lines[0].split(" ", 3);
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
			protocolError("not an HTTP/1.x response: " + lines[0], listener);
			return false;
		}
		try {
			status = Integer.parseInt(statusLine[1]);
		}
		catch (NumberFormatException e) {
			protocolError("bad status line: " + lines[0], listener);
			return false;
		}
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).trim();
			if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
				chunked = true;
			}
			else if (name.equals("content-length")) {
				contentLength = Long.parseLong(value);
			}
		}
		if (status == 200) {
			openedNanos = nanos;
			state = State.OPEN;
			listener.opened(this, nanos);
		}
		else {
			state = State.REFUSED;
		}
		return true;
	}

	private boolean endOfBody(StreamClients.Listener listener) {
		if (state == State.REFUSED) {
			refused(listener);
		}
		else {
			endOfInput(listener);
		}
		return false;
	}

	private void refused(StreamClients.Listener listener) {
		if (fail("HTTP " + status + " " + errorBody)) {
			listener.ended(this);
		}
	}

	private void protocolError(String why, StreamClients.Listener listener) {
		if (fail(why)) {
			listener.ended(this);
		}
	}

	private void body(byte[] buffer, int from, int to, long nanos, StreamClients.Listener listener) {
		if (state == State.REFUSED) {
			int n = Math.min(to - from, MAX_ERROR_BODY - errorBody.length());
			if (n > 0) {
				errorBody.append(new String(buffer, from, n, StandardCharsets.UTF_8));
			}
			return;
		}
		int start = from;
		for (int i = from; i < to; i++) {
			if (buffer[i] == '\n') {
				if (!append(buffer, start, i, listener)) {
					return;
				}
				line(nanos, listener);
				lineLength = 0;
				start = i + 1;
			}
		}
		append(buffer, start, to, listener);
	}

	private boolean append(byte[] buffer, int from, int to, StreamClients.Listener listener) {
		int n = to - from;
		if (lineLength + n > line.length) {
			if (lineLength + n > MAX_LINE) {
				protocolError("an SSE line longer than " + MAX_LINE + " bytes", listener);
				return false;
			}
			line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
		}
		System.arraycopy(buffer, from, line, lineLength, n);
		lineLength += n;
		return true;
	}

	/** One complete SSE line, without its line feed. */
	private void line(long nanos, StreamClients.Listener listener) {
		int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
		if (length == 0) {
			dispatch(nanos, listener);
			return;
		}
		if (line[0] == ':') {
			if (length == KEEPALIVE.length && startsWith(KEEPALIVE)) {
				keepalives++;
			}
			return;
		}
		int colon = 0;
		while (colon < length && line[colon] != ':') {
			colon++;
		}
		int value = colon + 1;
		if (value < length && line[value] == ' ') {
			value++;
		}
		value = Math.min(value, length);
		if (field(DATA, colon)) {
			int n = length - value;
			int needed = hasData ? dataLength + 1 + n : n;
			if (needed > data.length) {
				data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
			}
			if (hasData) {
				data[dataLength++] = '\n';
			}
			else {
				dataLength = 0;
			}
			System.arraycopy(line, value, data, dataLength, n);
			dataLength += n;
			hasData = true;
		}
		else if (field(ID, colon)) {
			eventId = parseId(value, length);
		}
		else if (field(EVENT, colon)) {
			eventType = Arrays.copyOfRange(line, value, length);
		}
		// retry: the hint sent first; nothing to keep.
		else if (!field(RETRY, colon)) {
			// An unknown field is ignored, as the SSE specification says.
			return;
		}
	}

	private void dispatch(long nanos, StreamClients.Listener listener) {
		if (hasData) {
			if (eventType != null && Arrays.equals(eventType, CLOSED_EVENT)) {
				closedReason = reason();
			}
			else if (eventType != null && Arrays.equals(eventType, TOO_OLD_EVENT)) {
				tooOld++;
				listener.tooOld(this, new String(data, 0, dataLength, StandardCharsets.UTF_8));
			}
			else if (eventId >= 0) {
				if (eventId <= lastId) {
					outOfOrder++;
				}
				if (events == 0) {
					firstEventNanos = nanos;
				}
				lastId = eventId;
				if (reachedNanos == 0 && eventId >= reachId) {
					reachedNanos = nanos;
				}
				listener.event(this, eventId, data, dataLength, nanos);
				// Volatile, written by this thread only: read by the harness while it
				// waits.
				events = events + 1;
			}
		}
		hasData = false;
		dataLength = 0;
		eventId = -1;
		eventType = null;
	}

	private String reason() {
		String text = new String(data, 0, dataLength, StandardCharsets.UTF_8);
		int at = text.indexOf("\"reason\":\"");
		if (at < 0) {
			return text;
		}
		int from = at + "\"reason\":\"".length();
		int to = text.indexOf('"', from);
		return to < 0 ? text.substring(from) : text.substring(from, to);
	}

	private long parseId(int from, int to) {
		if (from == to || to - from > 18) {
			return -1;
		}
		long id = 0;
		for (int i = from; i < to; i++) {
			int digit = line[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			id = id * 10 + digit;
		}
		return id;
	}

	private boolean field(byte[] name, int colon) {
		return colon == name.length && startsWith(name);
	}

	private boolean startsWith(byte[] prefix) {
		if (lineLength < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (line[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
