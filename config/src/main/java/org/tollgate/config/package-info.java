/**
 * The IOS configuration language of tollgate: parse, validate, edit and print the gateway configuration.
 *
 * <pre>
 *  file text ──ConfigParser.parse/apply──┐
 *                                        ├─► internal.Engine (modes, commands, checks) ─► ParseResult
 *  operator ──ConfigSession.enter(line)──┘        Ok(GatewayConfig, warnings) | Failed(errors)
 *
 *  GatewayConfig (immutable record tree) ──ConfigPrinter.print──► show running-config text
 * </pre>
 *
 * <p>Lifecycle: a configuration is parsed once, validated as a whole (cross references, FAC/extension
 * clash), and handed to components as an immutable snapshot; a change ({@code configure terminal},
 * reload) produces a new snapshot that the caller swaps atomically. Parsing never throws for bad
 * input: every problem is a {@link org.tollgate.config.ConfigError} value with line and column, and a
 * text with any error applies nothing. The language itself is documented in
 * {@code docs/configuration.md}.
 */
package org.tollgate.config;
