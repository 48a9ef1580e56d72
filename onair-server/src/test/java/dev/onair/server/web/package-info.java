/**
 * Tests of the static web app: the browser SDK's node:test suite ({@code src/test/web/}) run from Maven.
 */
package dev.onair.server.web;
