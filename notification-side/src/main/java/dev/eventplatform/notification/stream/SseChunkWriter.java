package dev.eventplatform.notification.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a stream of {@link SseChunk}s as {@code text/event-stream}, flushing after each
 * chunk.
 */
class SseChunkWriter implements HttpMessageWriter<SseChunk> {

	private static final MediaType EVENT_STREAM_UTF8 = new MediaType(MediaType.TEXT_EVENT_STREAM,
			StandardCharsets.UTF_8);

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return List.of(MediaType.TEXT_EVENT_STREAM);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
		return SseChunk.class.equals(elementType.toClass())
				&& (mediaType == null || MediaType.TEXT_EVENT_STREAM.includes(mediaType));
	}

	@Override
	public Mono<Void> write(Publisher<? extends SseChunk> chunks, ResolvableType elementType, MediaType mediaType,
			ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		message.getHeaders().setContentType(EVENT_STREAM_UTF8);
		var buffers = message.bufferFactory();
		return message.writeAndFlushWith(Flux.from(chunks).map(chunk -> Mono.just(buffers.wrap(chunk.bytes()))));
	}

}
