package dev.eventplatform.infrastructure.web;

import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/** Limits on what the web layer's JSON reader accepts, beyond well-formedness. */
@Configuration(proxyBeanMethods = false)
public class JsonInputConfiguration {

	/**
	 * Largest scale, either sign, of a number read as BigDecimal. Every amount the API
	 * takes has two fraction digits and far fewer than 100 integer digits, so this
	 * refuses nothing valid.
	 */
	private static final int MAX_BIG_DECIMAL_SCALE = 100;

	/**
	 * A member named twice is refused instead of the last one winning: which value the
	 * client meant is unclear, and a proxy or validator in front that reads the first one
	 * sees another request. Unknown members stay accepted on purpose, so that clients
	 * keep working when the API adds one (and may send members of a newer version); this
	 * keeps that so whatever the framework's default.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictDuplicatesLenientUnknowns() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Bean
	JsonMapperBuilderCustomizer boundedBigDecimals() {
		return builder -> builder.addModule(new SimpleModule("bounded-big-decimals").addDeserializer(BigDecimal.class,
				new BoundedBigDecimalDeserializer()));
	}

	/**
	 * {@code 1e2147483647} is a short, valid JSON number, and bean validation's
	 * {@code @Digits} lets it through (its digit count overflows an int); its arithmetic
	 * or {@code toPlainString} then fails deep in a command. Jackson's length limits do
	 * not catch it: refuse it while reading, where the error still names the field.
	 */
	static final class BoundedBigDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			var value = super.deserialize(parser, context);
			if (value != null && Math.abs((long) value.scale()) > MAX_BIG_DECIMAL_SCALE) {
				throw InvalidFormatException.from(parser,
						"Number exponent out of range (scale beyond " + MAX_BIG_DECIMAL_SCALE + ")", value,
						BigDecimal.class);
			}
			return value;
		}

	}

}
