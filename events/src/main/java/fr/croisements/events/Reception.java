package fr.croisements.events;

/**
 * One gateway's reception of a LoRaWAN uplink.
 *
 * @param gatewayId gateway id or EUI, as the network server names it
 * @param rssi received signal strength, dBm, or {@code null}
 * @param snr signal-to-noise ratio, dB, or {@code null}
 * @param position the gateway's position when the network server gives it, or {@code null}
 */
public record Reception(String gatewayId, Double rssi, Double snr, Position position) {}
