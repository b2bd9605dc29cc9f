package org.tollgate.dsp.dtmf;

import java.util.Optional;

/**
 * The sixteen DTMF digits of ITU-T Q.23: keypad symbol, low-group (row) and high-group (column)
 * frequencies, and the RFC 4733 section 3.2 telephone-event code.
 */
public enum DtmfDigit {
    D1('1', 0, 0, 1), D2('2', 0, 1, 2), D3('3', 0, 2, 3), A('A', 0, 3, 12),
    D4('4', 1, 0, 4), D5('5', 1, 1, 5), D6('6', 1, 2, 6), B('B', 1, 3, 13),
    D7('7', 2, 0, 7), D8('8', 2, 1, 8), D9('9', 2, 2, 9), C('C', 2, 3, 14),
    STAR('*', 3, 0, 10), D0('0', 3, 1, 0), HASH('#', 3, 2, 11), D('D', 3, 3, 15);

    /** Low-group (row) frequencies in Hz, ITU-T Q.23. */
    public static final double[] LOW_HZ = {697, 770, 852, 941};
    /** High-group (column) frequencies in Hz, ITU-T Q.23. */
    public static final double[] HIGH_HZ = {1209, 1336, 1477, 1633};

    private static final DtmfDigit[][] BY_ROW_COL = new DtmfDigit[4][4];
    private static final DtmfDigit[] BY_EVENT = new DtmfDigit[16];

    static {
        for (DtmfDigit d : values()) {
            BY_ROW_COL[d.row][d.col] = d;
            BY_EVENT[d.event] = d;
        }
    }

    private final char symbol;
    private final int row;
    private final int col;
    private final int event;

    DtmfDigit(char symbol, int row, int col, int event) {
        this.symbol = symbol;
        this.row = row;
        this.col = col;
        this.event = event;
    }

    /** The keypad symbol: {@code 0-9}, {@code *}, {@code #}, {@code A-D}. */
    public char symbol() {
        return symbol;
    }

    /** Row index 0..3 into {@link #LOW_HZ}. */
    public int row() {
        return row;
    }

    /** Column index 0..3 into {@link #HIGH_HZ}. */
    public int col() {
        return col;
    }

    /** Nominal low-group frequency in Hz. */
    public double lowHz() {
        return LOW_HZ[row];
    }

    /** Nominal high-group frequency in Hz. */
    public double highHz() {
        return HIGH_HZ[col];
    }

    /** RFC 4733 telephone-event code (0-9 digits, 10 '*', 11 '#', 12-15 A-D). */
    public int event() {
        return event;
    }

    /** The digit at a row and column of the keypad. */
    public static DtmfDigit at(int row, int col) {
        return BY_ROW_COL[row][col];
    }

    /** The digit for a keypad symbol (case-insensitive for A-D), if it is one. */
    public static Optional<DtmfDigit> ofSymbol(char c) {
        char u = Character.toUpperCase(c);
        for (DtmfDigit d : values()) {
            if (d.symbol == u) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The digit for an RFC 4733 event code 0..15, if it is one. */
    public static Optional<DtmfDigit> ofEvent(int event) {
        return event >= 0 && event < 16 ? Optional.of(BY_EVENT[event]) : Optional.empty();
    }

    @Override
    public String toString() {
        return String.valueOf(symbol);
    }
}
