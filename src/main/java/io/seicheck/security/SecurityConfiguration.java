package io.seicheck.security;

import io.seicheck.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication by API key, on by default. Open without a key: health probes, the contract, Swagger UI and the
 * problem pages. Key management needs ADMIN; everything else needs a live key, and the controllers check what
 * its roles and tenant allow. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    ApiKeys apiKeys(DataSource dataSource, @Value("${sei.security.key-cache}") Duration keyCache,
            @Value("${sei.security.admin-key-file}") Path adminKeyFile) {
        ApiKeys keys = new ApiKeys(dataSource, keyCache);
        AdminKeyBootstrap.ensureAdminKey(dataSource, keys, adminKeyFile);
        return keys;
    }

    /** No user names and passwords here: only keys. (Also keeps Spring from generating a default password.) */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // not for the local commands
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, JsonMapper json,
            @Value("${sei.limits.requests-per-minute}") int requestsPerMinute) throws Exception {
        ApiKeyFilter apiKeyFilter = new ApiKeyFilter(keys, json, requestsPerMinute);
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // the second half of a streamed answer (CSV, JSON Lines) was authorised when it began
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/api/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/problems/**", "/error").permitAll()
                        .requestMatchers("/v1/keys", "/v1/keys/**").hasRole(Role.ADMIN.name())
                        // volumes by verdict are business data: admins (a key in the scraper's headers)
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(request, response,
                                json, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                "Send your API key in the X-API-Key header."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(request, response, json,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your key's roles do not allow this.")));
        return http.build();
    }
}
