package dev.onair.lab.impair;

/** Argument checks shared by the parameter records. */
final class Probabilities {
    private Probabilities() {
    }

    static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + value);
        }
    }

    static void checkNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }
}
