/**
 * Parsers for impairment inputs: scenario files (YAML, {@link dev.onair.lab.impair.parse.ScenarioParser}) and
 * Mahimahi link traces ({@link dev.onair.lab.impair.parse.MahimahiTraceParser}). They never throw on input: a
 * {@link dev.onair.lab.impair.parse.ParseResult} carries either the value or a one-line error that names the
 * line or the field at fault.
 */
package dev.onair.lab.impair.parse;
