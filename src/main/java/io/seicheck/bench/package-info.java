/**
 * What the benchmarks under bench/ start in the service, and nothing the service uses: every class here is
 * active only under the Spring profile {@code bench} (or, for {@link io.seicheck.bench.BareApplication}, only
 * when launched as its own main class), so a normal start has none of it.
 */
package io.seicheck.bench;
