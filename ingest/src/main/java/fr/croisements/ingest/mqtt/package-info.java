/**
 * MQTT: the network servers' own integration (ChirpStack v4 {@code application/…/device/…/event/…}, The Things Stack
 * {@code v3/…/devices/…/up}) read with QoS 1 and a persistent session, each message through the LoRaWAN adapters
 * ({@link fr.croisements.ingest.mqtt.IngestionMqtt}, {@link fr.croisements.ingest.mqtt.MessagesMqtt}).
 */
package fr.croisements.ingest.mqtt;
