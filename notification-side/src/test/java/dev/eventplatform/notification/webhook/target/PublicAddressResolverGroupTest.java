package dev.eventplatform.notification.webhook.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The connect-time check, without a network: what the resolver answers for names and for
 * the resolved IP literals Reactor Netty hands it.
 */
class PublicAddressResolverGroupTest {

	private final AddressResolver<InetSocketAddress> resolver = new PublicAddressResolverGroup(WebhookTargetsTest.DNS,
			Runnable::run)
		.getResolver(GlobalEventExecutor.INSTANCE);

	@Test
	void resolvesPublicNamesToEveryAddress() {
		var addresses = resolver.resolveAll(InetSocketAddress.createUnresolved("example.com", 443))
			.syncUninterruptibly()
			.getNow();

		assertThat(addresses).extracting(InetSocketAddress::getPort, address -> address.getAddress().getHostAddress())
			.containsExactly(tuple(443, "93.184.215.14"), tuple(443, "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
	}

	@Test
	void refusesNamesWithAnyAddressThatIsNotPublic() {
		for (var host : List.of("localhost", "127.0.0.1.nip.io", "metadata.example", "mixed.example")) {
			assertRefused(InetSocketAddress.createUnresolved(host, 80));
		}
	}

	@Test
	void checksIpLiteralsAlthoughTheyAreResolved() throws UnknownHostException {
		assertThat(resolver.isResolved(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80))).isFalse();
		assertRefused(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80));
		assertRefused(new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 80));
		assertRefused(new InetSocketAddress(InetAddress.getByName("::1"), 80));

		var literal = new InetSocketAddress(InetAddress.getByName("93.184.215.14"), 80);
		assertThat(resolver.resolve(literal).syncUninterruptibly().getNow()).isEqualTo(literal);
	}

	@Test
	void reportsUnknownHosts() {
		var future = resolver.resolve(InetSocketAddress.createUnresolved("unknown.example", 80)).awaitUninterruptibly();

		assertThat(future.cause()).isInstanceOf(UnknownHostException.class);
	}

	/**
	 * DNS rebinding: the name was public when accepted and is private when connected to.
	 */
	@Test
	void refusesANameThatTurnedPrivateAfterItsUrlWasAccepted() throws UnknownHostException {
		var before = WebhookTargetsTest.addresses("93.184.215.14");
		var after = WebhookTargetsTest.addresses("10.0.0.5");
		var url = new WebhookTargets(false, host -> before).validate("https://rebind.example/hook");
		var atConnect = new PublicAddressResolverGroup(host -> after, Runnable::run)
			.getResolver(GlobalEventExecutor.INSTANCE);

		var future = atConnect.resolveAll(InetSocketAddress.createUnresolved(url.getHost(), 443))
			.awaitUninterruptibly();

		assertThat(url).isEqualTo(URI.create("https://rebind.example/hook"));
		assertThat(future.cause()).isInstanceOf(CodedException.class).hasMessageContaining("10.0.0.5");
	}

	@Test
	void theSharedGroupUsesTheJdkResolver() {
		var future = PublicAddressResolverGroup.INSTANCE.getResolver(GlobalEventExecutor.INSTANCE)
			.resolveAll(InetSocketAddress.createUnresolved("localhost", 80));

		assertThat(future.awaitUninterruptibly(Duration.ofSeconds(10).toMillis())).isTrue();
		assertThat(future.cause()).isInstanceOf(CodedException.class);
	}

	@Test
	void failsWhenTheLookupCannotBeScheduled() {
		var rejecting = new PublicAddressResolverGroup(WebhookTargetsTest.DNS, task -> {
			throw new RejectedExecutionException("full");
		}).getResolver(GlobalEventExecutor.INSTANCE);

		assertThatThrownBy(
				() -> rejecting.resolve(InetSocketAddress.createUnresolved("example.com", 80)).syncUninterruptibly())
			.isInstanceOf(RejectedExecutionException.class);
	}

	private void assertRefused(InetSocketAddress address) {
		var future = resolver.resolveAll(address).awaitUninterruptibly();
		assertThat(future.isSuccess()).as("%s resolved", address).isFalse();
		assertThat(future.cause())
			.isInstanceOfSatisfying(CodedException.class,
					ex -> assertThat(ex.code()).isEqualTo(WebhookErrorCode.FORBIDDEN_WEBHOOK_TARGET))
			.hasMessageContaining("not allowed");
	}

}
