/** The SFU's signalling-agnostic API: {@link dev.onair.sfu.api.MediaService} and its request/result types. */
package dev.onair.sfu.api;
