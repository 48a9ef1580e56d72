package dev.onair.sfu.api;

/** The outcome of a command that returns nothing but success or an error. */
public record CommandResult(MediaError error, String reason) {
    private static final CommandResult OK = new CommandResult(null, null);

    public static CommandResult ok() {
        return OK;
    }

    public static CommandResult fail(MediaError error, String reason) {
        return new CommandResult(error, reason);
    }

    public boolean isOk() {
        return error == null;
    }
}
