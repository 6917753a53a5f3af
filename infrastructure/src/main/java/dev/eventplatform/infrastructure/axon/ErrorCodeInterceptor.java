package dev.eventplatform.infrastructure.axon;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.infrastructure.web.PlatformErrorCode;
import dev.eventplatform.infrastructure.web.ProblemCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Turns a command handler's {@link CodedException}, and Axon's refusal of an expected
 * version, into a {@link CommandExecutionException} whose details carry the code. On a
 * distributed command bus (Axon Server) only the message and the details reach the
 * sender, so the sender's web layer maps the code, not the exception type.
 */
class ErrorCodeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

	@Override
	public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
			throws Exception {
		try {
			return interceptorChain.proceed();
		}
		catch (CodedException ex) {
			throw new CommandExecutionException(ex.getMessage(), ex, ProblemCode.of(ex.code()));
		}
		catch (ConflictingAggregateVersionException ex) {
			// Axon's own check of the expected version while loading: the caller's
			// If-Match failed.
			throw new CommandExecutionException(ex.getMessage(), ex,
					ProblemCode.of(PlatformErrorCode.PRECONDITION_FAILED));
		}
	}

}
