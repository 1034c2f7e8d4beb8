// The home page: the territories and, for each, its proofs of concept (the indicators having values
// in its communes, and its car parks when it has some), each a link to its map and fiche; and, where
// a question cannot be answered yet, which data are missing and how to bring them.

import { avecNouveauxEssais, getIndicateurs, getParkings, getTerritoires } from './api.js';
import { element } from './vues.js';

/** What a territory still lacks, by territory id: said plainly, with the command that brings it. */
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

const etat = document.getElementById('etat');

function adresseCarte(territoire, indicateur) {
  const p = new URLSearchParams({ territoire });
  if (indicateur) {
    p.set('indicateur', indicateur);
  }
  return `/carte.html?${p}`;
}

function preuve(adresse, libelle, question) {
  const lien = element('a', { classe: 'lien-preuve', texte: libelle });
  lien.href = adresse;
  return element('li', {}, lien, question ? element('span', { classe: 'question', texte: question }) : null);
}

function carteTerritoire(t, definitions, nombreParkings) {
  const preuves = definitions.filter((d) => (t.indicateurs || []).includes(d.id))
    .map((d) => preuve(adresseCarte(t.id, d.id), d.libelle, d.question));
  if (nombreParkings > 0) {
    const parkings = definitions.find((d) => d.id === 'occupation-parkings');
    preuves.push(preuve(adresseCarte(t.id, null),
      `Occupation des parkings (${nombreParkings} parking${nombreParkings > 1 ? 's' : ''} sur la carte)`,
      parkings?.question ?? null));
  }
  if (!preuves.length) {
    preuves.push(preuve(adresseCarte(t.id, null), 'Les communes et leurs chiffres Insee', null));
  }
  const manque = MANQUES[t.id];
  const communes = t.nombreCommunes > 1 ? `${t.nombreCommunes} communes` : `${t.nombreCommunes} commune`;
  const carte = element('section', { classe: 'territoire' },
    element('h2', { texte: t.nom }),
    element('p', { classe: 'communes-territoire', texte: communes }),
    element('ul', {}, ...preuves),
    manque ? element('div', { classe: 'manque' }, element('h3', { texte: manque.titre }),
      ...manque.textes.map((texte) => element('p', { texte }))) : null);
  carte.dataset.territoire = t.id;
  return carte;
}

async function demarrer() {
  // at start-up the server answers 503 until its stores are ready: say so and try again
  const [territoires, definitions] = await avecNouveauxEssais(() => Promise.all([getTerritoires(), getIndicateurs()]),
    (message) => {
      etat.textContent = message;
    });
  const parkings = await Promise.allSettled(territoires.map((t) => getParkings(t.id)));
  document.getElementById('territoires').replaceChildren(...territoires.map((t, i) =>
    carteTerritoire(t, definitions, parkings[i].status === 'fulfilled' ? parkings[i].value.features?.length ?? 0 : 0)));
  etat.textContent = `${territoires.length} territoires`;
}

demarrer().catch((e) => {
  etat.textContent = `Les territoires n'ont pas pu être chargés : ${e.message}`;
  etat.classList.add('erreur');
});
