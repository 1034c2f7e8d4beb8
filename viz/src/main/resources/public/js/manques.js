// What a territory still lacks to answer the other questions, said plainly with the commands that
// bring the data (from the API: each territory's "manquants"): shown on the home page under the
// territory, and on its map page beside the fiche. Folded: the questions it answers come first.

import { element } from './vues.js';

/** "1 question", "3 questions". */
function questions(n) {
  return `${n} question${n > 1 ? 's' : ''}`;
}

/**
 * The block saying what the territory lacks, or null when it lacks nothing. Each line: the question,
 * what is missing, the command that brings it.
 */
export function blocManque(territoire) {
  const manquants = territoire?.manquants || [];
  if (!manquants.length) {
    return null;
  }
  const lignes = manquants.map((m) => {
    const ligne = element('li', {}, element('strong', { texte: m.libelle }),
      ` (« ${m.question} ») : il manque ${m.manque}. Pour les apporter : `,
      element('code', { texte: m.commande }), '.');
    ligne.dataset.indicateur = m.indicateur;
    return ligne;
  });
  return element('details', { classe: 'manque' },
    element('summary', { texte: `Données manquantes pour ${questions(manquants.length)} de plus` }),
    element('ul', {}, ...lignes));
}
