package fr.croisements.ingest.lora;

/**
 * Decodes the application payload of one device model into measures named as in {@link Mesures}.
 *
 * <p>Pure and thread-safe. Bad input (wrong length, unknown channel or port) gives a
 * {@link Decodage.Refuse} with a French reason, never an exception.
 */
@FunctionalInterface
public interface PayloadDecoder {

    /**
     * @param fPort the LoRaWAN port, or {@code null} when the message did not give it
     * @param octets the decrypted application payload ({@code frm_payload} / {@code data}, base64-decoded)
     */
    Decodage decode(Integer fPort, byte[] octets);
}
