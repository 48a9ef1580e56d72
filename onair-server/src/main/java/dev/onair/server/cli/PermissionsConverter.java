package dev.onair.server.cli;

import dev.onair.server.auth.Permission;
import java.util.Set;
import picocli.CommandLine;

/** Parses {@code publish,subscribe,chat,admin,lab} (any subset). */
final class PermissionsConverter implements CommandLine.ITypeConverter<Set<Permission>> {
    @Override
    public Set<Permission> convert(String value) {
        return Permission.parseList(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not a comma list of publish, subscribe, chat, admin, lab"));
    }
}
