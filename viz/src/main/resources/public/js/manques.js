// What a territory still lacks to answer one of its questions, said plainly with the commands that
// bring the data: shown on the home page under the territory, and on its map page beside the fiche.

import { element } from './vues.js';

/** By territory id. */
const MANQUES = {
  antony: {
    titre: 'Stationnement : les données manquent encore pour Antony',
    textes: [
      'La question « À quelles heures les parkings sont-ils pleins, et tournent-ils ? » ne peut pas encore '
        + 'recevoir de réponse à Antony : il manque la liste des parkings (places, position, au format du '
        + 'schéma national du stationnement) et un flux d\'occupation (places occupées ou libres, relevées '
        + 'au moins chaque heure).',
      'Pour les apporter : croisements ingest stationnement FICHIER (la liste des parkings), puis '
        + 'croisements ingest occupation FICHIER (les relevés d\'occupation, ou le flux du gestionnaire).',
    ],
  },
};

/** The block saying what the territory lacks (h3 at this level), or null when it lacks nothing. */
export function blocManque(idTerritoire, niveauTitre = 'h3') {
  const manque = MANQUES[idTerritoire];
  if (!manque) {
    return null;
  }
  return element('div', { classe: 'manque' }, element(niveauTitre, { texte: manque.titre }),
    ...manque.textes.map((texte) => element('p', { texte })));
}
