/**
 * LoRaWAN: adapters for The Things Stack v3 and ChirpStack v4 messages ({@link fr.croisements.ingest.lora.TtsAdapter},
 * {@link fr.croisements.ingest.lora.ChirpstackAdapter}), payload decoders by device model
 * ({@link fr.croisements.ingest.lora.DecodeurRegistre}), and a seeded simulator of a Grand Poitiers sensor fleet that
 * emits real network-server JSON ({@link fr.croisements.ingest.lora.LoraSimulateur}, {@link fr.croisements.ingest.lora.LoraEnDirect}).
 */
package fr.croisements.ingest.lora;
