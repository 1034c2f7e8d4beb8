package fr.croisements.streams.lora;

import fr.croisements.events.Reception;
import java.util.List;

/** An uplink's receptions with the commune of its device, on the repartition topic. */
record ReceptionLocalisee(String codeInsee, String devEui, List<Reception> receptions, boolean simule) {}
