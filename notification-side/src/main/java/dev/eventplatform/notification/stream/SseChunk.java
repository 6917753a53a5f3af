package dev.eventplatform.notification.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Bytes of the {@code text/event-stream} format, one or more whole fields blocks, written
 * and flushed as one piece by {@link SseChunkWriter}: a stream that has several events
 * waiting sends them in one write instead of one write and flush each.
 */
record SseChunk(byte[] bytes) {

	static SseChunk retry(Duration retry) {
		return of("retry:" + retry.toMillis() + "\n\n");
	}

	static SseChunk comment(String comment) {
		return of(":" + comment + "\n\n");
	}

	/**
	 * An event; {@code id} may be null. Each line of {@code data} gets its own
	 * {@code data:} field, as the format asks.
	 */
	static SseChunk event(String id, String name, String data) {
		var text = new StringBuilder(data.length() + 64);
		if (id != null) {
			text.append("id:").append(id).append('\n');
		}
		text.append("event:").append(name).append('\n');
		for (var line : data.split("\n", -1)) {
			text.append("data:").append(line).append('\n');
		}
		return of(text.append('\n').toString());
	}

	static SseChunk join(List<SseChunk> chunks) {
		if (chunks.size() == 1) {
			return chunks.get(0);
		}
		var joined = new ByteArrayOutputStream(chunks.stream().mapToInt(chunk -> chunk.bytes().length).sum());
		chunks.forEach(chunk -> joined.writeBytes(chunk.bytes()));
		return new SseChunk(joined.toByteArray());
	}

	private static SseChunk of(String text) {
		return new SseChunk(text.getBytes(StandardCharsets.UTF_8));
	}

}
