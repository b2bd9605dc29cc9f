package org.tollgate.config.internal;

/**
 * One configuration command: reads its arguments from {@link Args} and returns the edited target
 * (the mode's record or builder). It must read every argument before changing anything that is
 * shared, and it reports bad input by the {@link Args} failure methods.
 *
 * @param <T> the mode's target type
 */
@FunctionalInterface
interface Handler<T> {
    T apply(T target, Args args);
}
