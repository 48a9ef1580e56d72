package dev.onair.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows and the time rule of the design (architecture.md §2, §4.5, §4.10), checked on the
 * compiled main classes of every module.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // onair-messaging's test-jar (RedisServerExtension for the chat cluster test) is test code too
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("dev.onair");
    }

    @Test
    void protocolDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.onair.protocol..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.onair.protocol..", "java..", "javax.crypto..")
                .check(classes);
    }

    @Test
    void transportKnowsNothingOfTheSfuOrTheServer() {
        noClasses().that().resideInAPackage("dev.onair.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onair.sfu..", "dev.onair.server..")
                .check(classes);
    }

    @Test
    void sfuCoreIsSignallingAgnostic() {
        noClasses().that().resideInAPackage("dev.onair.sfu..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onair.server..", "io.netty.handler.codec.http..",
                        "com.nimbusds..", "com.fasterxml.jackson..", "io.lettuce..")
                .check(classes);
    }

    @Test
    void clientStaysIndependentOfTheSfu() {
        noClasses().that().resideInAPackage("dev.onair.client..")
                .should().dependOnClassesThat().resideInAPackage("dev.onair.sfu..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void timeIsInjectedOutsideTheClockPackage() {
        noClasses().that().resideOutsideOfPackage("dev.onair.transport.clock..")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(classes);
    }
}
