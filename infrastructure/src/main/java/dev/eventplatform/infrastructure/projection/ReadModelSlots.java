package dev.eventplatform.infrastructure.projection;

import dev.eventplatform.infrastructure.processor.ProcessorTokens;
import dev.eventplatform.infrastructure.processor.ProcessorTokens.TokenRow;
import dev.eventplatform.infrastructure.processor.ProcessorWatch;
import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model kept in two sets of tables, {@link Slot#BLUE} and {@link Slot#GREEN}, so
 * that a reset rebuilds it without downtime: the reset handler empties the set that is
 * not answering ({@link #rebuild()}), the processor writes only there while the answering
 * set keeps serving reads as of the reset, and once no segment of the processor is
 * replaying any more (the rebuild has caught up with where the reset found it) reads
 * switch over ({@link #afterTick()}, run on every node by the processor supervisor).
 * <p>
 * The state is the model's row in {@code read_model}. A switch applies only if no reset
 * came in between (the row's {@code generation}), so a switch decided on tokens read
 * before a reset cannot expose the set that reset just emptied.
 */
public final class ReadModelSlots implements ProcessorWatch {

	private static final Logger log = LoggerFactory.getLogger(ReadModelSlots.class);

	private final String model;

	private final JdbcClient jdbc;

	private final ProcessorTokens tokens;

	private final Clock clock;

	/**
	 * @param model the model's row in {@code read_model}, also the name of the processor
	 * that writes it
	 */
	public ReadModelSlots(String model, JdbcClient jdbc, ProcessorTokens tokens, Clock clock) {
		this.model = model;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * The set the processor writes to: the one being rebuilt, else the answering one.
	 * Call it in the transaction of the batch that writes.
	 */
	public Slot writing() {
		var state = state();
		return state.building() != null ? state.building() : state.active();
	}

	/** The set that answers reads, and the position it reflects. */
	public Answering answering() {
		var state = state();
		if (state.building() != null) {
			return new Answering(state.active(), state.answeringPosition() == null ? -1 : state.answeringPosition(),
					true);
		}
		return new Answering(state.active(), ProcessorTokens.committed(tokens.of(model)), false);
	}

	/**
	 * Starts a rebuild into the set that is not answering and returns it; the caller
	 * empties it in the same transaction. Call it from the processor's reset handler,
	 * while the processor's tokens still hold the positions the answering set reflects.
	 */
	public Slot rebuild() {
		var state = state();
		var standby = state.active().other();
		// A reset during a rebuild starts it again; the answering set has not moved.
		var answeringPosition = state.building() != null ? state.answeringPosition()
				: ProcessorTokens.committed(tokens.of(model));
		jdbc.sql("""
				UPDATE read_model SET building = ?, generation = generation + 1, answering_position = ?
				WHERE model = ?""").params(standby.name(), answeringPosition, model).update();
		log.info("Rebuilding read model {} into its {} tables; the {} tables answer as of position {}", model, standby,
				state.active(), answeringPosition);
		return standby;
	}

	/** Switches reads to the rebuilt set once no segment replays any more. */
	@Override
	public void afterTick() {
		var state = state();
		if (state.building() == null || tokens.of(model).stream().anyMatch(TokenRow::replaying)) {
			return;
		}
		var switched = jdbc.sql("""
				UPDATE read_model SET active = building, building = NULL, answering_position = NULL, switched_at = ?
				WHERE model = ? AND generation = ? AND building IS NOT NULL""")
			.params(clock.instant().atOffset(ZoneOffset.UTC), model, state.generation())
			.update();
		if (switched == 1) {
			log.info("Read model {} answers from its rebuilt {} tables", model, state.building());
		}
	}

	private State state() {
		return jdbc.sql("SELECT active, building, generation, answering_position FROM read_model WHERE model = ?")
			.param(model)
			.query((rs, row) -> new State(Slot.valueOf(rs.getString(1)),
					rs.getString(2) == null ? null : Slot.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getObject(4, Long.class)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("No read_model row for " + model + "; a migration adds it"));
	}

	/** One of the model's two sets of tables. */
	public enum Slot {

		BLUE, GREEN;

		Slot other() {
			return this == BLUE ? GREEN : BLUE;
		}

	}

	/**
	 * @param position every event up to this position is in the answering set; -1 before
	 * the first
	 * @param rebuilding a rebuild runs into the other set
	 */
	public record Answering(Slot slot, long position, boolean rebuilding) {
	}

	private record State(Slot active, Slot building, long generation, Long answeringPosition) {
	}

}
