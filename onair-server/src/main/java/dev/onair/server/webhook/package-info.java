/**
 * Webhooks: room events POSTed to configured URLs, off the media loop.
 * {@link dev.onair.server.webhook.WebhookSender} is the {@link dev.onair.sfu.api.RoomEventListener}: it turns
 * each event into a {@link dev.onair.server.webhook.WebhookEvent} (JSON) and offers it to one
 * {@link dev.onair.server.webhook.EndpointDelivery} per URL (bounded queue, one request in flight, retries with
 * {@link dev.onair.server.webhook.Backoff}). Bodies are signed by {@link dev.onair.server.webhook.WebhookSignature};
 * outcomes are counted by {@link dev.onair.server.webhook.WebhookResult}. Format and verification:
 * {@code docs/webhooks.md}.
 */
package dev.onair.server.webhook;
