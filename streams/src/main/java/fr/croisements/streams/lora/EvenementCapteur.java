package fr.croisements.streams.lora;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;

/** Either an uplink or a status report of one device, merged on the DevEUI. */
record EvenementCapteur(LoraUplink uplink, LoraStatut statut) {}
