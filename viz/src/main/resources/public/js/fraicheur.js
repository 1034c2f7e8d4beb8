// How recent the data of a layer are, said in French beside the layer ("mis à jour il y a 8 s") and
// rewritten every second; a warning ("pas de nouvelle donnée depuis 2 min") once the layer has not
// been read successfully for longer than three refresh periods. "Read" means a successful answer of
// the server for that layer, not a change in its data.

import { duree, ilYA } from './format.js';

export const PERIODE_PAR_DEFAUT_MS = 10_000;
/** Missed refreshes after which a layer is said to be late. */
export const PERIODES_AVANT_ALERTE = 3;
const PARAMETRE = 'rafraichissement';
const SECONDE_MS = 1000;

const suivis = new Set();
let horloge = null;

/** "mis à jour il y a 8 s", or "pas de nouvelle donnée depuis 2 min" when late. */
export function texteFraicheur(secondes, enRetard) {
  return enRetard ? `pas de nouvelle donnée depuis ${duree(secondes)}` : `mis à jour ${ilYA(secondes)}`;
}

/** Whether a layer read `secondes` ago, refreshed every periodeMs, has missed too many refreshes. */
export function estEnRetard(secondes, periodeMs) {
  return secondes * SECONDE_MS > PERIODES_AVANT_ALERTE * periodeMs;
}

/**
 * The refresh period of the point layers: PERIODE_PAR_DEFAUT_MS, or ?rafraichissement=<seconds>
 * (at least 1 s), which lets the browser tests see a late layer within seconds.
 */
export function periodeDeRafraichissement(parametres) {
  const secondes = Number(parametres.get(PARAMETRE));
  return Number.isFinite(secondes) && secondes >= 1 ? secondes * SECONDE_MS : PERIODE_PAR_DEFAUT_MS;
}

function toutRafraichir() {
  suivis.forEach((afficher) => afficher());
}

/**
 * Writes the freshness of one layer into `element` every second. noter() says the layer was just
 * read successfully; oublier() empties the element until the next noter().
 */
export function suivreFraicheur(element, periodeMs) {
  let derniereLecture = null;
  function afficher() {
    if (derniereLecture === null) {
      element.textContent = '';
      element.classList.remove('en-retard');
      return;
    }
    const secondes = (Date.now() - derniereLecture) / SECONDE_MS;
    const enRetard = estEnRetard(secondes, periodeMs);
    element.textContent = texteFraicheur(secondes, enRetard);
    element.classList.toggle('en-retard', enRetard);
  }
  suivis.add(afficher);
  if (horloge === null) {
    horloge = setInterval(toutRafraichir, SECONDE_MS);
  }
  return {
    noter() {
      derniereLecture = Date.now();
      afficher();
    },
    oublier() {
      derniereLecture = null;
      afficher();
    },
  };
}
