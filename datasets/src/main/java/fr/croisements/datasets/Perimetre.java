package fr.croisements.datasets;

import fr.croisements.events.Zone;
import java.util.List;
import java.util.Objects;

/**
 * What {@code croisements import --epci SIREN} or {@code --communes CODE,CODE} builds a pack of:
 * the member communes of an EPCI in the national list of communes, and/or a list of communes.
 *
 * @param epciSiren SIREN of the EPCI, or {@code null}
 * @param communes COG codes of communes (added to the EPCI's, if any), possibly empty
 * @param id pack id ({@code [a-z0-9-]}), or {@code null} for the default: the EPCI's or the single
 *     commune's name without its type and article, in lower-case ASCII with hyphens
 *     ("CC des Pays du Sel et du Vermois" gives {@code pays-du-sel-et-du-vermois})
 * @param nom territory name, or {@code null} for the default: the EPCI's name with its type spelt
 *     out, or "Ville de …" for a single commune (required for several communes without EPCI)
 */
public record Perimetre(String epciSiren, List<String> communes, String id, String nom) {

    public Perimetre {
        communes = communes == null ? List.of() : List.copyOf(communes);
        if (epciSiren == null && communes.isEmpty()) {
            throw new IllegalArgumentException("donner le SIREN d'un EPCI ou au moins un code commune");
        }
        for (String code : communes) {
            if (code == null || !code.matches(Zone.CODE_COMMUNE)) {
                throw new IllegalArgumentException("code commune invalide : « " + code + " » (code Insee de 5 caractères"
                        + " attendu, par exemple 01053, 2A004 ou 97411)");
            }
        }
        if (epciSiren != null && !epciSiren.matches("\\d{9}")) {
            throw new IllegalArgumentException("SIREN d'EPCI invalide : « " + epciSiren + " » (9 chiffres attendus)");
        }
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("identifiant de pack invalide : « " + id + " » (minuscules, chiffres et"
                    + " tirets, par exemple pays-du-sel-et-du-vermois)");
        }
    }

    /** The communes of one EPCI. */
    public static Perimetre epci(String siren) {
        return new Perimetre(Objects.requireNonNull(siren, "siren"), List.of(), null, null);
    }

    /** A list of communes. */
    public static Perimetre communes(List<String> codes) {
        return new Perimetre(null, codes, null, null);
    }

    public Perimetre avecId(String nouvelId) {
        return new Perimetre(epciSiren, communes, nouvelId, nom);
    }

    public Perimetre avecNom(String nouveauNom) {
        return new Perimetre(epciSiren, communes, id, nouveauNom);
    }
}
