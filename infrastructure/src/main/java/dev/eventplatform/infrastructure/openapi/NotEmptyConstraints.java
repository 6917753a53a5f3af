package dev.eventplatform.infrastructure.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Iterator;

/**
 * Bean validation's {@code @NotBlank} and {@code @NotEmpty} mean at least one character
 * or element, but swagger writes the minimum of an {@code @Size} on the same record
 * component (0 when only a maximum is given) over it; this puts it back once the record's
 * schema is complete. The constraints are read from the accessor: they do not target
 * record components, so they are not kept there.
 */
class NotEmptyConstraints implements ModelConverter {

	@Override
	public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		var schema = chain.next().resolve(type, context, chain);
		var javaType = Json.mapper().constructType(type.getType()).getRawClass();
		if (schema == null || !javaType.isRecord()) {
			return schema;
		}
		var ref = schema.get$ref();
		Schema<?> model = ref == null ? schema
				: context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
		if (model == null || model.getProperties() == null) {
			return schema;
		}
		for (var component : javaType.getRecordComponents()) {
			Schema<?> property = model.getProperties().get(component.getName());
			var accessor = component.getAccessor();
			if (property != null
					&& (accessor.isAnnotationPresent(NotBlank.class) || accessor.isAnnotationPresent(NotEmpty.class))) {
				if (property.getItems() != null) {
					property.setMinItems(1);
				}
				else {
					property.setMinLength(1);
				}
			}
		}
		return schema;
	}

}
