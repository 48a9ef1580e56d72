package dev.onair.server.cli;

/** Placeholder entry point; replaced by the picocli CLI. */
public final class OnairCli {
    private OnairCli() {
    }

    public static void main(String[] args) {
        System.out.println("onair");
    }
}
