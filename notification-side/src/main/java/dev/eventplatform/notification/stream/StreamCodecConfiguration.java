package dev.eventplatform.notification.stream;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stream's own writer of {@code text/event-stream}. */
@Configuration(proxyBeanMethods = false)
class StreamCodecConfiguration {

	@Bean
	CodecCustomizer sseChunkWriter() {
		return configurer -> configurer.customCodecs().register(new SseChunkWriter());
	}

}
