/** JMH micro-benchmarks of media hot paths. Run {@code java -jar bench/target/benchmarks.jar <name>}. */
package dev.onair.bench;
