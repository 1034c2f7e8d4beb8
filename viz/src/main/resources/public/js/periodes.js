// The "Période" control of the map: go back and forth through the windows kept for the territory and
// indicator shown (GET /api/territoires/{id}/periodes, oldest first), or back to the latest one.
// The latest period is the live map (each commune's latest cell, recoloured by live events); any
// other is a past period, shown as kept and not recoloured. No fetch here: app.js reads the server.

import { majuscule } from './format.js';
import { element } from './vues.js';

// a burst of live cells of a new window asks for the list once
const DELAI_RELECTURE_MS = 1000;

/** The index of the period starting at this ISO instant in the list, -1 when it is not there. */
export function indexPeriode(periodes, debut) {
  const instant = Date.parse(debut);
  return Number.isNaN(instant) ? -1 : periodes.findIndex((p) => Date.parse(p.debut) === instant);
}

function bouton(texte, classe) {
  const b = element('button', { classe, texte });
  b.type = 'button';
  return b;
}

/**
 * Builds the control in `racine` (hidden while there is no period).
 * surChoix(debut): the reader chose a period; debut is its ISO start, or null for the latest one.
 * relire(): a promise of the list of periods of what is shown now, or of null when the reader
 * chose something else meanwhile; asked again when a live cell brings a window not in the list.
 */
export function creerNavigationPeriodes(racine, { surChoix, relire }) {
  let periodes = [];
  let index = -1; // of the past period shown; -1: the latest one
  let relecture = null;
  let horloge = null; // the simulated clock (ms), null: the real one

  const titre = element('span', { classe: 'periode-titre', texte: 'Période' });
  titre.id = 'periode-titre';
  const precedente = bouton('◀ Période précédente', 'periode-precedente');
  const libelle = element('span', { classe: 'periode-libelle' });
  libelle.id = 'periode-libelle';
  const suivante = bouton('Période suivante ▶', 'periode-suivante');
  const derniere = bouton('Revenir à la dernière période', 'periode-derniere');
  derniere.setAttribute('aria-label', 'Revenir à la dernière période, suivie en direct');
  racine.setAttribute('role', 'group');
  racine.setAttribute('aria-labelledby', 'periode-titre periode-libelle');
  racine.replaceChildren(titre, precedente, libelle, suivante, derniere);

  const passee = () => index >= 0;
  const affichee = () => (passee() ? index : periodes.length - 1);
  // the latest window may not be over: its figures still grow (a week's lifts, a day's heat)
  const enCours = () => affichee() >= 0 && !passee() && Date.parse(periodes[affichee()].fin) > (horloge ?? Date.now());

  function dessiner() {
    racine.hidden = periodes.length === 0;
    racine.dataset.periodes = String(periodes.length);
    const i = affichee();
    libelle.textContent = i >= 0 ? `${majuscule(periodes[i].libelle)}${enCours() ? ' (en cours)' : ''}` : '';
    precedente.disabled = i <= 0;
    suivante.disabled = !passee();
    derniere.hidden = !passee();
    precedente.setAttribute('aria-label', i > 0
      ? `Période précédente : ${periodes[i - 1].libelle}` : 'Période précédente : aucune, la plus ancienne est affichée');
    suivante.setAttribute('aria-label', passee()
      ? `Période suivante : ${periodes[i + 1].libelle}` : 'Période suivante : aucune, la dernière est affichée');
    racine.classList.toggle('passee', passee());
    // a button that became disabled or hidden loses the focus: give it to the other way
    const actif = document.activeElement;
    if ([precedente, suivante, derniere].includes(actif) && (actif.disabled || actif.hidden)) {
      (precedente.disabled ? suivante : precedente).focus();
    }
  }

  function choisir(nouvel) {
    index = nouvel >= periodes.length - 1 ? -1 : nouvel; // the last one is the latest: the live map
    dessiner();
    surChoix(passee() ? periodes[index].debut : null);
  }

  function remplacer(liste, debut) {
    periodes = liste;
    const i = debut ? indexPeriode(liste, debut) : -1;
    index = i === liste.length - 1 ? -1 : i;
    dessiner();
  }

  precedente.addEventListener('click', () => choisir(affichee() - 1));
  suivante.addEventListener('click', () => choisir(affichee() + 1));
  derniere.addEventListener('click', () => choisir(-1));

  return {
    /** A new list, with the period shown (its ISO start; null, unknown or the last one: the latest). */
    remplacer,
    /** The simulated clock (ISO), or null for the real one: tells whether the latest window is over. */
    horloge(iso) {
      const avant = enCours();
      const ms = iso ? Date.parse(iso) : null;
      horloge = Number.isNaN(ms) ? null : ms;
      if (enCours() !== avant) {
        dessiner();
      }
    },
    /** The ISO start of the past period shown, null when the latest is. */
    debut: () => (passee() ? periodes[index].debut : null),
    /** Whether a past period is shown: live cells then do not recolour the map. */
    estPassee: passee,
    /** The French label of the period shown ("semaine du 6 au 12 janvier 2025"), null without periods. */
    libelle: () => (affichee() >= 0 ? periodes[affichee()].libelle : null),
    /** What the state line says while a past period is shown, null otherwise. */
    messageEtat: () => (passee()
      ? `Période passée affichée (${periodes[index].libelle}) : le direct continue, `
        + '« Revenir à la dernière période » pour le suivre'
      : null),
    /** A live cell of this window reached a commune shown: reads the list again if the window is new. */
    signalerFenetre(debut) {
      if (indexPeriode(periodes, debut) >= 0 || relecture !== null) {
        return;
      }
      relecture = setTimeout(async () => {
        try {
          const liste = await relire();
          if (liste) {
            remplacer(liste, passee() ? periodes[index].debut : null);
          }
        } catch (e) {
          console.warn('Périodes non relues :', e.message);
        } finally {
          relecture = null;
        }
      }, DELAI_RELECTURE_MS);
    },
  };
}
