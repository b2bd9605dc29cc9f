/**
 * The configuration parser (not API): tokenizer, keyword trie per mode with unique-prefix abbreviations, the mode-stack engine shared by files and interactive sessions, command handlers per area, whole-configuration checks, and the printer. Handlers report bad input through {@code CommandFailure}, an internal control-flow exception that the engine turns into error values; it never escapes the package.
 */
package org.tollgate.config.internal;
