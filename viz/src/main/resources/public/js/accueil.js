// The home page: the territories and, for each, its proofs of concept (the indicators having values
// in its communes, and its car parks when it has some), each a link to its map and fiche; and, where
// a question cannot be answered yet, which data are missing and how to bring them; then its INSEE
// reference figures, each a map with its fiche.

import { avecNouveauxEssais, getIndicateurs, getParkings, getTerritoires } from './api.js';
import { compteEnLettres } from './format.js';
import { blocManque } from './manques.js';
import { element } from './vues.js';

const etat = document.getElementById('etat');

/** The page title follows the territories served: the bundled packs and those added with --packs. */
function titre(nombre) {
  return `Croisements : ${compteEnLettres(nombre, 'territoire', 'territoires')}, des données croisées sur une carte`;
}

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

/** The presentation of the territory to its elected officials, and its dossier to print (presentation.js). */
function liensPresentation(territoire) {
  const p = new URLSearchParams({ territoire });
  const presenter = element('a', { classe: 'lien-presentation', texte: 'Présenter aux élus' });
  presenter.href = `/presentation.html?${p}`;
  p.set('dossier', '1');
  const dossier = element('a', { classe: 'lien-dossier', texte: 'Dossier à imprimer' });
  dossier.href = `/presentation.html?${p}`;
  return element('p', { classe: 'presenter' }, presenter, ' · ', dossier);
}

function carteTerritoire(t, definitions, nombreParkings) {
  const disponibles = definitions.filter((d) => (t.indicateurs || []).includes(d.id));
  const preuves = disponibles.filter((d) => !d.reference)
    .map((d) => preuve(adresseCarte(t.id, d.id), d.libelle, d.question));
  // a figure the territory has by IRIS only (the declared median income) says so: it is not a commune's
  const parIris = (d) => !(t.niveaux?.[d.id] ?? ['commune']).includes('commune');
  const chiffres = disponibles.filter((d) => d.reference).map((d) => {
    const lien = element('a', { classe: 'lien-chiffre', texte: parIris(d) ? `${d.libelle} (par IRIS)` : d.libelle });
    lien.href = adresseCarte(t.id, d.id);
    return element('li', {}, lien);
  });
  if (nombreParkings > 0) {
    const parkings = definitions.find((d) => d.id === 'occupation-parkings');
    preuves.push(preuve(adresseCarte(t.id, null),
      `Occupation des parkings (${nombreParkings} parking${nombreParkings > 1 ? 's' : ''} sur la carte)`,
      parkings?.question ?? null));
  }
  if (!preuves.length && !chiffres.length) {
    preuves.push(preuve(adresseCarte(t.id, null), 'Les communes et leurs chiffres Insee', null));
  }
  const communes = t.nombreCommunes > 1 ? `${t.nombreCommunes} communes` : `${t.nombreCommunes} commune`;
  const carte = element('section', { classe: 'territoire' },
    element('h2', { texte: t.nom }),
    element('p', { classe: 'communes-territoire', texte: communes }),
    liensPresentation(t.id),
    preuves.length ? element('ul', {}, ...preuves) : null,
    chiffres.length ? element('h3', { classe: 'titre-chiffres', texte: disponibles.some((d) => d.reference && parIris(d))
      ? 'Les chiffres de l\'Insee, par commune ou par IRIS' : 'Les chiffres de l\'Insee, commune par commune' }) : null,
    chiffres.length ? element('ul', { classe: 'chiffres-insee' }, ...chiffres) : null,
    blocManque(t));
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
  document.getElementById('titre').textContent = titre(territoires.length);
  etat.textContent = `${territoires.length} territoire${territoires.length > 1 ? 's' : ''}`;
}

demarrer().catch((e) => {
  etat.textContent = `Les territoires n'ont pas pu être chargés : ${e.message}`;
  etat.classList.add('erreur');
});
