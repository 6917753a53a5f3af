package dev.eventplatform.notification.webhook.target;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import reactor.core.scheduler.Schedulers;

/**
 * The connect-time guard: resolves webhook hosts for Reactor Netty and fails the
 * connection when any address is not {@linkplain PublicAddresses public}. The client
 * connects only to the addresses checked here, so a name that was public when its URL was
 * accepted cannot be pointed inside the network later (DNS rebinding).
 * <p>
 * Pass it to {@code HttpClient.resolver(...)}, or use {@link WebhookTargets#guard}. Leave
 * it out when private targets are allowed. It must not be combined with a proxy, which
 * would resolve and connect instead. Clients with and without it never share pooled
 * connections, because Reactor Netty keys its pools by the resolver too.
 * <p>
 * Lookups use the JDK resolver, as {@link WebhookTargets#validate} does, so that both see
 * the same answers (hosts file, system DNS, the JVM's cache). It blocks, so it runs on
 * Reactor's bounded-elastic threads rather than the event loop; Netty's asynchronous DNS
 * client would avoid the hop but answer differently from the JDK (no nsswitch, no JVM
 * cache), and a target must not be judged by one resolver and reached through another.
 */
public final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	/** Shared, like Netty's own default group; it holds one resolver per event loop. */
	public static final PublicAddressResolverGroup INSTANCE = new PublicAddressResolverGroup(HostLookup.JDK,
			task -> Schedulers.boundedElastic().schedule(task));

	private final HostLookup lookup;

	private final Executor lookups;

	PublicAddressResolverGroup(HostLookup lookup, Executor lookups) {
		this.lookup = lookup;
		this.lookups = lookups;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new PublicAddressResolver(executor);
	}

	private final class PublicAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

		PublicAddressResolver(EventExecutor executor) {
			super(executor, InetSocketAddress.class);
		}

		/**
		 * Never resolved, so that every address comes through here: Reactor Netty turns
		 * IP literals into resolved addresses and connects to those directly, without
		 * asking a resolver that says they are resolved.
		 */
		@Override
		protected boolean doIsResolved(InetSocketAddress address) {
			return false;
		}

		@Override
		protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
			resolve(address, addresses -> promise.trySuccess(addresses.get(0)), promise::tryFailure);
		}

		@Override
		protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
			resolve(address, promise::trySuccess, promise::tryFailure);
		}

		private void resolve(InetSocketAddress address, Consumer<List<InetSocketAddress>> success,
				Consumer<Throwable> failure) {
			if (!address.isUnresolved()) {
				// An IP literal: nothing to look up, so checked right here.
				complete(address.getHostString(), new InetAddress[] { address.getAddress() }, address.getPort(),
						success, failure);
				return;
			}
			try {
				lookups.execute(() -> {
					try {
						complete(address.getHostString(), lookup.lookup(address.getHostString()), address.getPort(),
								success, failure);
					}
					catch (Exception ex) {
						failure.accept(ex);
					}
				});
			}
			catch (RuntimeException ex) {
				failure.accept(ex);
			}
		}

		/**
		 * Refuses if any address is not public, as {@link WebhookTargets#validate} does.
		 */
		private void complete(String host, InetAddress[] addresses, int port, Consumer<List<InetSocketAddress>> success,
				Consumer<Throwable> failure) {
			if (addresses.length == 0) {
				failure.accept(new UnknownHostException(host));
				return;
			}
			var resolved = new ArrayList<InetSocketAddress>(addresses.length);
			for (var address : addresses) {
				var refusal = PublicAddresses.refusal(address);
				if (refusal.isPresent()) {
					var named = host.equals(address.getHostAddress()) ? host
							: host + " (" + address.getHostAddress() + ")";
					failure.accept(new CodedException(WebhookErrorCode.FORBIDDEN_WEBHOOK_TARGET,
							"Webhook target not allowed: " + named + " is not public (" + refusal.get() + ")."));
					return;
				}
				resolved.add(new InetSocketAddress(address, port));
			}
			success.accept(resolved);
		}

	}

}
