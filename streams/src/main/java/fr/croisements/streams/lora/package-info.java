/** LoRaWAN sensors crossed with INSEE figures: heat exposure, network coverage, device health. */
package fr.croisements.streams.lora;
