// DOM pieces of the page. Every text from the server goes in through textContent, never as HTML:
// names and figures are external data.

import { lignesLegende } from './choropleth.js';
import { fiche, phraseResultat } from './fiche.js';
import { avecUnite, majuscule, nombre } from './format.js';

/** A new element with an optional class and text. */
export function element(tag, { classe, texte } = {}, ...enfants) {
  const noeud = document.createElement(tag);
  if (classe) {
    noeud.className = classe;
  }
  if (texte !== undefined && texte !== null) {
    noeud.textContent = texte;
  }
  enfants.filter(Boolean).forEach((enfant) => noeud.append(enfant));
  return noeud;
}

/** "62,5 %", or the state of the commune ("secret statistique", "pas encore de levée"). */
export function valeurOuEtat(p) {
  return p.valeur === null || p.valeur === undefined ? p.etat : avecUnite(p.valeur, p.unite);
}

/** "Parc de Sceaux (IRIS, Antony)" for an IRIS, the name alone for a commune. */
export function nomZone(p) {
  return p.niveau === 'iris' ? `${p.nom} (IRIS, ${p.nomCommune ?? p.commune})` : p.nom;
}

/** The short hover text of a commune or IRIS, as an element: Leaflet would insert a string as HTML. */
export function resumeCommune(p) {
  return element('span', { texte: `${nomZone(p)} : ${valeurOuEtat(p)}` });
}

/** "12,3 %", "secret statistique" or "non publié": the value of a component of a composite indicator. */
export function valeurComposante(c) {
  if (c.secret) {
    return 'secret statistique';
  }
  return c.valeur === null || c.valeur === undefined ? 'non publié' : avecUnite(c.valeur, c.unite);
}

/**
 * The components of a composite indicator, each with its label, value and source; or the measures
 * of a ratio (their sources are those of the cell, listed once below).
 */
function listeComposantes(composantes, avecSources) {
  const liste = element('ul', { classe: 'composantes' });
  composantes.forEach((c) => liste.append(element('li', { },
    element('span', { texte: `${majuscule(c.libelle)} : ${valeurComposante(c)}` }),
    avecSources && c.source ? element('span', { classe: 'source', texte: c.source }) : null)));
  return liste;
}

/** The heading of the components: what a composite index crosses, or the figures behind a ratio. */
export function titreComposantes(definition) {
  return definition.composite ? "Ce que croise l'indice" : 'Les chiffres de la commune';
}

/** The detail of a commune, for its popup. */
export function contenuCommune(p, definition) {
  const liste = element('dl');
  const ajouter = (terme, valeur) => {
    if (terme && valeur !== null && valeur !== undefined && valeur !== '') {
      liste.append(element('dt', { texte: majuscule(terme) }), element('dd', { texte: valeur }));
    }
  };
  ajouter(definition.libelle, valeurOuEtat(p));
  if (p.niveau === 'iris') {
    ajouter('commune', p.nomCommune);
    ajouter('code IRIS', p.code);
  }
  if (!p.secret) { // a secret cell hides its numerator too: the value row and the note below say so
    ajouter(definition.libelleNumerateur, nombre(p.numerateur));
  }
  ajouter(definition.libelleDenominateur, nombre(p.denominateur ?? p.menages));
  if (p.levees !== null && p.levees !== undefined) {
    ajouter('levées de bacs', nombre(p.levees));
  }
  ajouter('population (Insee)', nombre(p.population));

  // a composite index lists what it crosses, each with its source; a ratio may list the measures behind it
  const composantes = (p.composantes || []).filter((c) => definition.composite || (c.valeur ?? null) !== null);
  const sources = (p.sources && p.sources.length ? p.sources : [p.sourceNumerateur, p.sourceDenominateur])
    .filter(Boolean);
  return element('div', { classe: 'commune' },
    element('h3', { texte: p.nom }),
    liste,
    composantes.length ? element('h4', { texte: titreComposantes(definition) }) : null,
    composantes.length ? listeComposantes(composantes, definition.composite) : null,
    p.semaine ? element('p', { classe: 'periode', texte: majuscule(p.semaine) }) : null,
    p.secret ? element('p', { classe: 'mention', texte: definition.mentionSecret }) : null,
    sources.length && !(definition.composite && composantes.length)
      ? element('p', { classe: 'sources', texte: `Sources : ${sources.join(' ; ')}.` }) : null,
    p.mention ? element('p', { classe: 'mention', texte: majuscule(p.mention) }) : null,
    p.sourceContours ? element('p', { classe: 'sources', texte: `Contours : ${p.sourceContours}.` }) : null);
}

/**
 * The content of the legend control: title, one row per class, how the classes were cut, then an
 * empty .fraicheur line that app.js fills with how recent the communes' values are.
 */
export function legende(definition, classes) {
  const racine = element('div', { classe: 'info legend' },
    element('h4', { texte: `${definition.libelle} (${definition.unite})` }));
  lignesLegende(definition.unite, classes).forEach((ligne) => {
    const pastille = element('span', { classe: ligne.sansDonnee ? 'pastille sans-donnee' : 'pastille' });
    pastille.style.background = ligne.couleur;
    racine.append(element('div', { classe: 'ligne' }, pastille, element('span', { texte: ligne.libelle })));
  });
  racine.append(element('p', { classe: 'methode', texte: classes.methode }));
  racine.append(element('p', { classe: 'fraicheur' }));
  return racine;
}

/**
 * Fills the side panel: the fiche of the crossing (question, result in one sentence, data crossed,
 * calculation, limits; fiche.js), the column title of the commune table, the downloads. periodePassee:
 * the label of the past period shown ("semaine du …"), null for the latest values.
 */
export function remplirFiche(definition, territoire, proprietes, liens, periodePassee = null) {
  const f = fiche(definition, territoire, proprietes);
  document.getElementById('fiche-libelle').textContent = definition.libelle;
  document.getElementById('fiche-territoire').textContent = periodePassee
    ? `${territoire.nom} — ${majuscule(periodePassee)} (période passée)` : territoire.nom;
  const iris = proprietes[0]?.niveau === 'iris';
  const parZone = iris ? 'par IRIS' : 'par commune';
  document.querySelector('table.communes caption').textContent = periodePassee
    ? `Valeur ${parZone}, ${periodePassee}` : `Dernière valeur ${parZone}`;
  document.querySelector('table.communes thead th').textContent = iris ? 'IRIS' : 'Commune';
  document.getElementById('fiche-question').textContent = f.question;
  document.getElementById('fiche-resultat').textContent = f.resultat;
  document.getElementById('fiche-methode').textContent = f.calcul;
  document.getElementById('fiche-limites').textContent = f.limites;
  const origineFiche = document.getElementById('fiche-origine');
  origineFiche.textContent = f.origine || '';
  origineFiche.hidden = !f.origine;
  document.getElementById('fiche').dataset.mots = String(f.mots);
  document.getElementById('communes-valeur').textContent = `${majuscule(definition.libelle)} (${definition.unite})`;
  document.getElementById('fiche-sources').replaceChildren(...f.donnees.map((d) => element('li', {},
    element('span', { texte: `${d.texte}${d.licence ? ` — ${d.licence}` : ''} — ` }),
    element('span', { classe: d.nature === 'simulé' ? 'badge simule' : 'badge reel', texte: d.nature }))));
  document.getElementById('lien-csv').href = liens.csv;
  document.getElementById('lien-geojson').href = liens.geojson;
}

/** The result sentence again, after a live update of the communes' values. */
export function majResultat(definition, proprietes) {
  document.getElementById('fiche-resultat').textContent = phraseResultat(definition, proprietes);
}

/** A row of the commune table; the name is a button that opens the commune on the map. */
export function ligneCommune(p, ouvrir) {
  const bouton = element('button', { texte: p.nom });
  bouton.type = 'button';
  bouton.addEventListener('click', ouvrir);
  const ligne = element('tr', {}, element('td', {}, bouton), element('td', { classe: 'nombre' }), element('td'));
  majLigneCommune(ligne, p);
  return ligne;
}

export function majLigneCommune(ligne, p) {
  ligne.cells[1].textContent = valeurOuEtat(p);
  ligne.cells[2].textContent = p.semaine ? majuscule(p.semaine) : '';
}
