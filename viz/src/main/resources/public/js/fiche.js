// The "fiche" of a crossing: what a territory's map answers, in at most 150 words, from the live
// values of the GeoJSON of its communes. Pure functions, no DOM: vues.js puts their texts in the page.

import { avecUnite, jourDeFenetre, majuscule, nombre } from './format.js';

export const MOTS_MAX = 150;
const SIMULEES = ', données simulées';

/** Number of words of a text, as a reader counts them ("35,4 %" is one word and a sign). */
export function mots(texte) {
  return (texte || '').split(/[\s\u00a0\u202f]+/).filter((m) => /[\p{L}\p{N}]/u.test(m)).length;
}

/** The first sentence of a text (up to the first ". " or its end). */
export function premierePhrase(texte) {
  const fin = (texte || '').search(/\.\s/);
  return fin < 0 ? texte : texte.slice(0, fin + 1);
}

/** The cells of the latest window among the published (non-secret) values. */
const publiees = (proprietes) => proprietes.filter((p) => !p.secret && p.valeur !== null && p.valeur !== undefined);

function dernieres(proprietes) {
  const valeurs = publiees(proprietes);
  const debut = valeurs.reduce((max, p) => (p.debut && p.debut > max ? p.debut : max), '');
  return valeurs.filter((p) => (p.debut || '') === debut);
}

function extremes(cellules) {
  const triees = [...cellules].sort((a, b) => a.valeur - b.valeur || a.nom.localeCompare(b.nom, 'fr'));
  return { bas: triees[0], haut: triees[triees.length - 1] };
}

/**
 * The result in one sentence, with the territory's own communes and numbers, from the properties of
 * the GeoJSON features (as the server gives them): the highest and lowest communes of the latest
 * window, the people exposed for the heat.
 */
export function phraseResultat(definition, proprietes) {
  const phrase = phraseDeLaPeriode(definition, proprietes);
  if (estIris(proprietes)) {
    return phraseIris(definition, proprietes, phrase);
  }
  // live, early in a window: the other coloured communes still show the previous one (their popup says which)
  const anterieures = publiees(proprietes).length - dernieres(proprietes).length;
  if (anterieures === 0) {
    return phrase;
  }
  return anterieures === 1
    ? `${phrase} Sur la carte, 1 autre commune garde la valeur d'une période précédente.`
    : `${phrase} Sur la carte, ${anterieures} autres communes gardent la valeur d'une période précédente.`;
}

/** Whether the properties are those of IRIS (iris.geojson) rather than communes. */
const estIris = (proprietes) => proprietes.length > 0 && proprietes[0].niveau === 'iris';

/**
 * At IRIS level: the same sentence on the IRIS of the latest window, with their names and the commune
 * they divide, and how many IRIS are shown.
 */
function phraseIris(definition, proprietes, phrase) {
  const cellules = dernieres(proprietes);
  const communes = [...new Set(proprietes.map((p) => p.nomCommune).filter(Boolean))];
  // "d'Antony", "de Poitiers"
  const de = (nom) => (/^[AEIOUYÂÉÈÊÎÏÔ]/i.test(nom) ? `d'${nom}` : `de ${nom}`);
  const ou = communes.length === 1 ? `les ${proprietes.length} IRIS ${de(communes[0])}` : `${proprietes.length} IRIS`;
  if (!cellules.length) {
    return phrase;
  }
  const { bas, haut } = extremes(cellules);
  const unite = cellules[0].unite ?? definition.unite;
  const periode = majuscule(cellules[0].semaine || '');
  if (bas.valeur === haut.valeur) {
    return `${periode}, dans ${ou} : ${definition.libelle.toLowerCase()} de ${avecUnite(haut.valeur, unite)} partout.`;
  }
  const secrets = proprietes.filter((p) => p.secret).length;
  return `${periode}, dans ${ou} : ${definition.libelle.toLowerCase()} de ${avecUnite(bas.valeur, unite)} (${bas.nom})`
    + ` à ${avecUnite(haut.valeur, unite)} (${haut.nom})`
    + (secrets ? `, ${secrets} IRIS sous secret statistique.` : '.');
}

function phraseDeLaPeriode(definition, proprietes) {
  const cellules = dernieres(proprietes);
  if (!cellules.length) {
    return proprietes.some((p) => p.secret)
      ? 'Toutes les valeurs de ce territoire sont couvertes par le secret statistique.'
      : 'Pas encore de valeur publiée sur ce territoire.';
  }
  const periode = majuscule(cellules[0].semaine || '');
  const unite = cellules[0].unite ?? definition.unite;
  const v = (p) => avecUnite(p.valeur, unite);
  if (definition.id === 'exposition-chaleur-75-plus') {
    const total = cellules.reduce((s, p) => s + p.valeur, 0);
    const jour = jourDeFenetre(cellules[0].debut);
    return total > 0
      ? `Le ${jour}, ${nombre(total)} personnes de 75 ans et plus vivaient dans une commune où un capteur a dépassé 30 °C.`
      : `Le ${jour}, aucun capteur n'a atteint 30 °C : aucune personne de 75 ans et plus n'est comptée comme exposée.`;
  }
  const { bas, haut } = extremes(cellules);
  if (cellules.length === 1) {
    return `${periode} : ${definition.libelle.toLowerCase()} : ${v(haut)} à ${haut.nom}.`;
  }
  if (bas.valeur === haut.valeur) {
    return `${periode} : ${definition.libelle.toLowerCase()} : ${v(haut)} dans les ${cellules.length} communes publiées.`;
  }
  if (definition.id === 'taux-presentation-bacs') {
    return `${periode} : le taux de présentation va de ${v(bas)} à ${bas.nom} à ${v(haut)} à ${haut.nom}.`;
  }
  if (definition.id === 'fragilite-isolement') {
    return `L'indice est le plus élevé à ${haut.nom} (${v(haut)}) et le plus bas à ${bas.nom} (${v(bas)}), `
      + `sur ${cellules.length} communes publiées.`;
  }
  return `${periode} : ${definition.libelle.toLowerCase()} de ${v(bas)} (${bas.nom}) à ${v(haut)} (${haut.nom}).`;
}

/**
 * The data crossed: one line per source label of the cells (else of the territory), with its licence
 * (from the cells' detailed sources or the territory's) and « réel » or « simulé ».
 */
export function donneesCroisees(territoire, proprietes) {
  const licences = new Map([...(territoire.sources || []), ...proprietes.flatMap((p) => p.sourcesDetaillees || [])]
    .map((s) => [s.libelle, s]));
  const libelles = [...new Set(proprietes.flatMap((p) => p.sources || []).filter(Boolean))];
  const toutes = libelles.length ? libelles : (territoire.sources || []).map((s) => s.libelle);
  return toutes.map((libelle) => {
    const connue = licences.get(libelle);
    const simule = connue ? connue.simule : libelle.endsWith(SIMULEES);
    const texte = libelle.endsWith(SIMULEES) ? libelle.slice(0, -SIMULEES.length) : libelle;
    return { texte, licence: connue?.licence || null, nature: simule ? 'simulé' : 'réel' };
  });
}

/** "Insee, … (2021) — Licence Ouverte 2.0 — réel". */
export function ligneDonnee(d) {
  return `${d.texte}${d.licence ? ` — ${d.licence}` : ''} — ${d.nature}`;
}

/**
 * The whole fiche: question, result, data crossed, calculation and limits; the method is cut to its
 * first sentence when the fiche would otherwise pass 150 words, then, if still too long, the limits to
 * their first sentence and those about simulated data and secrecy (the full texts stay in the catalogue).
 */
export function fiche(definition, territoire, proprietes) {
  const donnees = donneesCroisees(territoire, proprietes);
  // at IRIS level, the contours drawn are data too, with their own vintage
  const contours = proprietes.find((p) => p.sourceContours)?.sourceContours;
  if (contours) {
    const connue = (territoire.sources || []).find((s) => s.libelle === contours);
    donnees.push({ texte: contours, licence: connue?.licence || null, nature: 'réel' });
  }
  let limites = definition.limites || '';
  if (!/secret/i.test(limites)) {
    limites += proprietes.some((p) => p.secret) ? ` ${definition.mentionSecret || ''}`.trimEnd()
      : ' Aucune valeur de ce territoire n\'est couverte par le secret statistique.';
  }
  const resultat = phraseResultat(definition, proprietes);
  const texte = (calcul) => [definition.question, resultat, ...donnees.map(ligneDonnee), calcul, limites].join(' ');
  let calcul = definition.methode || '';
  if (mots(texte(calcul)) > MOTS_MAX) {
    calcul = premierePhrase(calcul);
  }
  if (mots(texte(calcul)) > MOTS_MAX) {
    // still too long: keep the limits that matter most, what is simulated and what is secret
    const phrases = limites.trim().split(/(?<=[.!?])\s+/);
    limites = phrases.filter((p, i) => i === 0 || /simul|secret/i.test(p)).join(' ');
  }
  return { question: definition.question, resultat, donnees, calcul, limites: limites.trim(), mots: mots(texte(calcul)),
    origine: origine(definition) };
}

/** Who wrote the indicator: a data team's file says so, a built-in indicator says nothing. */
export function origine(definition) {
  return definition.fichier
    ? `Indicateur écrit par une équipe de données dans le fichier « ${definition.fichier} », calculé par Croisements comme les autres.`
    : null;
}
