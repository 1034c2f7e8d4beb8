package fr.croisements.streams.lora;

import fr.croisements.events.Reception;
import fr.croisements.events.SantePasserelle;
import java.time.Instant;
import java.util.TreeSet;

/** One gateway's reception of one uplink, on the repartition topic by gateway. */
record ReceptionPasserelle(String devEui, Instant instant, Reception reception, boolean simule) {

    SantePasserelle appliquer(String id, SantePasserelle p) {
        var capteurs = new TreeSet<>(p.capteurs());
        capteurs.add(devEui);
        Instant derniere = p.derniereReception() == null || instant.isAfter(p.derniereReception()) ? instant
                : p.derniereReception();
        return new SantePasserelle(id, reception.position() != null ? reception.position() : p.position(), derniere,
                capteurs.stream().toList(), p.receptions() + 1, p.simule() || simule);
    }
}
