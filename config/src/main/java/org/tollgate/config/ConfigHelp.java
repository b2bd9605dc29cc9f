package org.tollgate.config;

/**
 * One {@code ?} help entry in configuration mode.
 *
 * @param word a keyword, a placeholder such as {@code <1-64>}, {@code WORD}, {@code LINE}, or {@code <cr>}
 * @param help short description
 */
public record ConfigHelp(String word, String help) {
}
