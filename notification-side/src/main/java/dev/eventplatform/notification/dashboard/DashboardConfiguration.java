package dev.eventplatform.notification.dashboard;

import dev.eventplatform.infrastructure.security.PublicPages;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;

/**
 * Serves {@code classpath:static/dashboard/} (through Boot's static resources) at
 * {@code /dashboard/}, without a key: the page holds no data and asks for a key itself.
 * Only static files live under this path.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	static final String PATH = "/dashboard/";

	private static final String INDEX = PATH + "index.html";

	@Bean
	PublicPages dashboardPages() {
		return PublicPages.of("/dashboard", "/dashboard/**");
	}

	/**
	 * Static resources have no directory index, so {@code /dashboard/} is answered with
	 * its {@code index.html}, and {@code /dashboard} is sent there, so that the page's
	 * relative links resolve inside the directory.
	 */
	@Bean
	WebFilter dashboardIndex() {
		return (exchange, chain) -> {
			var request = exchange.getRequest();
			if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
				return chain.filter(exchange);
			}
			var path = request.getPath().pathWithinApplication().value();
			if (path.equals("/dashboard")) {
				exchange.getResponse().setStatusCode(HttpStatus.FOUND);
				exchange.getResponse().getHeaders().setLocation(URI.create(PATH));
				return exchange.getResponse().setComplete();
			}
			if (path.equals(PATH)) {
				return chain.filter(exchange.mutate().request(request.mutate().path(INDEX).build()).build());
			}
			return chain.filter(exchange);
		};
	}

}
