package dev.onair.messaging.service;

/** Client frames the service tests send. */
final class ClientFrames {
    private ClientFrames() {
    }

    /** A {@code send} of a chat message. */
    static String chat(String clientMsgId, String text) {
        return "{\"type\":\"send\",\"kind\":\"chat\",\"clientMsgId\":\"" + clientMsgId + "\",\"text\":\"" + text + "\"}";
    }

    /** A {@code send} of a chat message whose text is its id. */
    static String chat(String clientMsgId) {
        return chat(clientMsgId, clientMsgId);
    }
}
