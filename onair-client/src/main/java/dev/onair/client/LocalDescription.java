package dev.onair.client;

/**
 * What a peer puts in its offer about itself.
 *
 * @param iceUfrag          our ICE username fragment
 * @param icePwd            our ICE password
 * @param fingerprintSha256 the SHA-256 fingerprint of the certificate we announce (upper-case hex pairs)
 * @param audioSsrc         the SSRC of our audio (publishers only; ignored for subscribers)
 * @param videoSsrc         the SSRC of our video (publishers only)
 * @param cname             RTCP CNAME of every SSRC we send
 * @param sessionId         the {@code o=} session id
 */
public record LocalDescription(String iceUfrag, String icePwd, String fingerprintSha256, long audioSsrc,
                               long videoSsrc, String cname, long sessionId) {
}
