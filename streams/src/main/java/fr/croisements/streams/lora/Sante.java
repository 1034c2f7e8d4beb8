package fr.croisements.streams.lora;

import fr.croisements.events.LoraStatut;
import fr.croisements.events.LoraUplink;
import fr.croisements.events.Mesure;
import fr.croisements.events.Reception;
import fr.croisements.events.SanteCapteur;
import java.util.Map;

/** Pure updates of a {@link SanteCapteur}. */
final class Sante {

    /** A frame counter this far below the previous one is a reset (rejoin, reboot), not a late frame. */
    static final long ECART_REINITIALISATION = 16;

    private Sante() {}

    static SanteCapteur vide() {
        return new SanteCapteur(null, null, null, null, Map.of(), null, java.util.List.of(), 0, 0, 0, null, false);
    }

    static SanteCapteur appliquer(String devEui, EvenementCapteur e, SanteCapteur s) {
        if (e.uplink() != null) {
            return uplink(devEui, e.uplink(), s);
        }
        if (e.statut() != null) {
            return statut(devEui, e.statut(), s);
        }
        return s;
    }

    static SanteCapteur uplink(String devEui, LoraUplink u, SanteCapteur s) {
        long perdues = s.tramesPerdues();
        long reinitialisations = s.reinitialisations();
        Long fCnt = u.fCnt();
        if (fCnt != null && s.dernierFCnt() != null) {
            long precedent = s.dernierFCnt();
            if (fCnt == precedent) {
                return s; // the same frame again (retransmission, or heard through two integrations)
            } else if (fCnt > precedent) {
                perdues += fCnt - precedent - 1;
            } else if (fCnt < precedent - ECART_REINITIALISATION || fCnt <= 1) {
                reinitialisations++;
            } else {
                return s; // a late frame, already counted as lost: leave the figures as they are
            }
        }
        Map<String, Mesure> mesures = u.mesures().isEmpty() ? s.dernieresMesures() : u.mesures();
        Mesure niveau = u.mesures().get("batterie");
        Double batterie = niveau != null && "%".equals(niveau.unite()) ? Double.valueOf(niveau.valeur()) : s.batteriePourcent();
        boolean plusRecent = s.derniereReception() == null || !u.instant().isBefore(s.derniereReception());
        return new SanteCapteur(devEui, u.modele() != null ? u.modele() : s.modele(),
                u.position() != null ? u.position() : s.position(),
                plusRecent ? u.instant() : s.derniereReception(), mesures, batterie,
                u.receptions().stream().map(Reception::gatewayId).distinct().sorted().toList(),
                s.trames() + 1, perdues, reinitialisations, fCnt != null ? fCnt : s.dernierFCnt(),
                s.simule() || u.simule());
    }

    static SanteCapteur statut(String devEui, LoraStatut statut, SanteCapteur s) {
        return new SanteCapteur(devEui, s.modele(), s.position(), s.derniereReception(), s.dernieresMesures(),
                statut.batteriePourcent() != null ? statut.batteriePourcent() : s.batteriePourcent(), s.passerelles(),
                s.trames(), s.tramesPerdues(), s.reinitialisations(), s.dernierFCnt(), s.simule() || statut.simule());
    }
}
