package dev.eventplatform.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many Server-Sent Events connections on a few non-blocking I/O threads, one
 * {@link Selector} each: a connection costs a socket, a file descriptor and about a
 * kilobyte of heap, not a thread. Each connection is bound to the loopback source address
 * it is opened with: one source address has only about 28,000 ephemeral ports
 * ({@code net.ipv4.ip_local_port_range}), and all of 127.0.0.0/8 is loopback on Linux.
 * <p>
 * Plain HTTP/1.1 over {@code java.nio}, because the bench module has no non-blocking HTTP
 * client on its classpath: a {@code GET} with the bearer key, then the response parsed by
 * {@link StreamConnection}. Every byte is read as soon as it arrives, so the harness is
 * never the slow consumer.
 */
final class StreamClients implements AutoCloseable {

	/** Called on the I/O threads; implementations must be thread-safe. */
	interface Listener {

		/** The 200 status line and headers have arrived. */
		default void opened(StreamConnection connection, long nanos) {
		}

		/**
		 * An event with an id; {@code data} is valid during the call only. {@code nanos}
		 * is when the read that completed it returned.
		 */
		void event(StreamConnection connection, long id, byte[] data, int length, long nanos);

		/** A {@code position-too-old} event. */
		default void tooOld(StreamConnection connection, String data) {
		}

		/** The connection failed, was refused, or ended after it was open. */
		default void ended(StreamConnection connection) {
		}

	}

	private static final int READ_BUFFER_BYTES = 64 * 1024;

	private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final InetSocketAddress target;

	private final byte[] request;

	private final long reachId;

	private final long openTimeoutNanos;

	private final Listener listener;

	private final IoThread[] threads;

	/** Touched by the thread that opens connections only. */
	private final List<StreamConnection> connections = new ArrayList<>();

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger ended = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	/**
	 * @param target the platform's address
	 * @param pathAndQuery for example {@code /events/stream?after=42}
	 * @param key the bearer key
	 * @param reachId each connection notes when it first receives an event with at least
	 * this id ({@link StreamConnection#reachedNanos()}); {@link Long#MAX_VALUE} for none
	 * @param openTimeout a connection that has not read its status line this long after
	 * it started connecting fails
	 * @param ioThreads selector threads
	 */
	StreamClients(InetSocketAddress target, String pathAndQuery, String key, long reachId, Duration openTimeout,
			int ioThreads, Listener listener) throws IOException {
		this.target = target;
		this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + target.getAddress().getHostAddress() + ":"
				+ target.getPort() + "\r\nAuthorization: Bearer " + key
				+ "\r\nAccept: text/event-stream\r\nUser-Agent: eventplatform-bench\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		this.reachId = reachId;
		this.openTimeoutNanos = openTimeout.toNanos();
		this.listener = listener;
		this.threads = new IoThread[ioThreads];
		for (int i = 0; i < ioThreads; i++) {
			threads[i] = new IoThread(i);
			threads[i].start();
		}
	}

	/** Starts one more connection from {@code source}; returns at once. */
	StreamConnection open(InetAddress source) {
		int index = connections.size();
		var connection = new StreamConnection(index, new InetSocketAddress(source, 0), reachId, index % threads.length);
		connections.add(connection);
		var thread = threads[connection.ioThread()];
		thread.pending.add(connection);
		thread.selector.wakeup();
		return connection;
	}

	/** The connections opened so far; only for the thread that opens them. */
	List<StreamConnection> connections() {
		return connections;
	}

	int opened() {
		return opened.get();
	}

	/** Connections that were open and then ended (by the server, or broken). */
	int ended() {
		return ended.get();
	}

	/** Connections that never opened: refused, failed or timed out. */
	int failed() {
		return failed.get();
	}

	/** Closes every connection and stops the I/O threads. */
	@Override
	public void close() throws InterruptedException {
		for (IoThread thread : threads) {
			thread.closing = true;
			thread.selector.wakeup();
		}
		for (IoThread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
	}

	private void opened(StreamConnection connection, long nanos) {
		opened.incrementAndGet();
		listener.opened(connection, nanos);
	}

	private void ended(StreamConnection connection) {
		(connection.state() == StreamConnection.State.ENDED ? ended : failed).incrementAndGet();
		listener.ended(connection);
	}

	/** One selector and the connections it serves. */
	private final class IoThread extends Thread implements Listener {

		private final Selector selector;

		private final Queue<StreamConnection> pending = new ConcurrentLinkedQueue<>();

		private final List<StreamConnection> mine = new ArrayList<>();

		private final byte[] buffer = new byte[READ_BUFFER_BYTES];

		private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);

		private volatile boolean closing;

		IoThread(int number) throws IOException {
			super("stream-io-" + number);
			setDaemon(true);
			this.selector = Selector.open();
		}

		@Override
		public void run() {
			long nextCheck = System.nanoTime() + CHECK_INTERVAL_NANOS;
			try {
				while (!closing) {
					selector.select(this::handle, 100);
					for (StreamConnection connection; (connection = pending.poll()) != null;) {
						start(connection);
					}
					long now = System.nanoTime();
					if (now - nextCheck >= 0) {
						timeOut(now);
						nextCheck = now + CHECK_INTERVAL_NANOS;
					}
				}
			}
			catch (IOException | RuntimeException e) {
				System.err.println(getName() + " stopped: " + CommandSender.describe(e));
			}
			finally {
				for (StreamConnection connection : mine) {
					connection.closedByHarness();
					closeQuietly(connection);
				}
				try {
					selector.close();
				}
				catch (IOException e) {
					// Closing anyway.
				}
			}
		}

		private void start(StreamConnection connection) {
			mine.add(connection);
			connection.connecting(System.nanoTime());
			try {
				var channel = SocketChannel.open();
				connection.channel = channel;
				channel.configureBlocking(false);
				channel.bind(connection.source());
				connection.request = ByteBuffer.wrap(request);
				if (channel.connect(target)) {
					var key = channel.register(selector, SelectionKey.OP_WRITE, connection);
					send(connection, key);
				}
				else {
					channel.register(selector, SelectionKey.OP_CONNECT, connection);
				}
			}
			catch (IOException | RuntimeException e) {
				failed(connection, e);
			}
		}

		private void handle(SelectionKey key) {
			var connection = (StreamConnection) key.attachment();
			try {
				if (key.isValid() && key.isConnectable()) {
					connection.channel.finishConnect();
					key.interestOps(SelectionKey.OP_WRITE);
					send(connection, key);
				}
				else if (key.isValid() && key.isWritable()) {
					send(connection, key);
				}
				else if (key.isValid() && key.isReadable()) {
					read(connection);
				}
			}
			catch (IOException | RuntimeException e) {
				failed(connection, e);
			}
		}

		private void send(StreamConnection connection, SelectionKey key) throws IOException {
			connection.channel.write(connection.request);
			if (!connection.request.hasRemaining()) {
				connection.request = null;
				connection.requestSent();
				key.interestOps(SelectionKey.OP_READ);
			}
		}

		private void read(StreamConnection connection) throws IOException {
			// A few reads per turn, so that one busy connection does not starve the
			// others.
			for (int reads = 0; reads < 4; reads++) {
				wrapped.clear();
				int n = connection.channel.read(wrapped);
				if (n < 0) {
					connection.endOfInput(this);
					closeQuietly(connection);
					return;
				}
				if (n == 0) {
					return;
				}
				if (!connection.received(buffer, 0, n, System.nanoTime(), this)) {
					closeQuietly(connection);
					return;
				}
				if (n < buffer.length) {
					return;
				}
			}
		}

		private void timeOut(long now) {
			for (StreamConnection connection : mine) {
				var state = connection.state();
				if ((state == StreamConnection.State.CONNECTING || state == StreamConnection.State.HEADERS)
						&& now - connection.startedNanos() > openTimeoutNanos) {
					if (connection.fail("no response within " + openTimeoutNanos / 1_000_000_000 + " s")) {
						ended(connection);
					}
					closeQuietly(connection);
				}
			}
		}

		private void failed(StreamConnection connection, Exception e) {
			if (connection.fail(e.getClass().getSimpleName() + ": " + CommandSender.describe(e))) {
				ended(connection);
			}
			closeQuietly(connection);
		}

		private void closeQuietly(StreamConnection connection) {
			if (connection.channel != null) {
				try {
					connection.channel.close();
				}
				catch (IOException e) {
					// Nothing more to do with it.
				}
			}
		}

		@Override
		public void opened(StreamConnection connection, long nanos) {
			StreamClients.this.opened(connection, nanos);
		}

		@Override
		public void event(StreamConnection connection, long id, byte[] data, int length, long nanos) {
			listener.event(connection, id, data, length, nanos);
		}

		@Override
		public void tooOld(StreamConnection connection, String data) {
			listener.tooOld(connection, data);
		}

		@Override
		public void ended(StreamConnection connection) {
			StreamClients.this.ended(connection);
		}

	}

}
