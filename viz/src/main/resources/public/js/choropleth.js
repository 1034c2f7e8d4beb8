// Class breaks and colours of the map, in one place: style() and the legend both read the
// classes that classesPour() cuts for an indicator. Pure functions, no DOM.

import { avecUnite, nombre } from './format.js';

// Viridis, five classes: sequential, readable with the common colour-vision deficiencies and in grey.
export const COLORS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
export const COULEUR_SECRET = '#9e9e9e';
export const COULEUR_SANS_DONNEE = '#ffffff';
const NOMBRE_DE_CLASSES = COLORS.length;

/** The colours of k classes, spread over the palette (k = 5 uses all of it). */
function couleursPour(k) {
  if (k <= 1) {
    return k === 1 ? [COLORS[2]] : [];
  }
  return Array.from({ length: k }, (_, i) => COLORS[Math.round((i * (COLORS.length - 1)) / (k - 1))]);
}

/** Breaks cutting the sorted values into classes of equal counts (quantiles), duplicates removed. */
export function bornesQuantiles(valeurs, classes = NOMBRE_DE_CLASSES) {
  const tries = [...valeurs].sort((a, b) => a - b);
  const bornes = [];
  for (let i = 1; i < classes; i += 1) {
    const rang = Math.ceil((i * tries.length) / classes);
    const borne = tries[rang];
    if (borne !== undefined && borne > tries[0] && (bornes.length === 0 || borne > bornes[bornes.length - 1])) {
      bornes.push(borne);
    }
  }
  return bornes;
}

/**
 * The classes of an indicator on the values shown: its fixed breaks when it has some (a share of
 * households reads the same everywhere), else quantiles of the values (an index without a natural
 * scale). { bornes, couleurs, methode }: methode says how they were cut, for the legend.
 */
export function classesPour(definition, valeurs) {
  const nombres = valeurs.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (definition.bornes && definition.bornes.length > 0) {
    const bornes = definition.bornes;
    const pas = bornes.length > 1 ? bornes[1] - bornes[0] : null;
    const reguliers = pas !== null && bornes.every((b, i) => i === 0 || Math.abs(b - bornes[i - 1] - pas) < 1e-9);
    return {
      bornes,
      couleurs: couleursPour(bornes.length + 1),
      methode: reguliers ? `Classes fixes de ${avecUnite(pas, definition.unite === '%' ? 'points' : definition.unite)}.`
        : 'Classes fixes.',
    };
  }
  if (nombres.length === 0) {
    return { bornes: [], couleurs: [], methode: 'Aucune valeur à classer.' };
  }
  const bornes = bornesQuantiles(nombres);
  const classes = bornes.length + 1;
  return {
    bornes,
    couleurs: couleursPour(classes),
    methode: classes === 1
      ? 'Une seule classe : trop peu de valeurs différentes pour en faire plusieurs.'
      : `Classes par quantiles : les ${nombres.length} communes chiffrées réparties en ${classes} classes `
        + "d'effectifs à peu près égaux.",
  };
}

/** Index of the class of a value: 0 below the first break, bornes.length from the last one up. */
export function classe(valeur, classes) {
  return classes.bornes.filter((limite) => valeur >= limite).length;
}

export function couleur(proprietes, classes) {
  if (proprietes.secret) {
    return COULEUR_SECRET;
  }
  if (proprietes.valeur === null || proprietes.valeur === undefined || classes.couleurs.length === 0) {
    return COULEUR_SANS_DONNEE;
  }
  return classes.couleurs[classe(proprietes.valeur, classes)];
}

/** Leaflet path style of a commune. */
export function style(feature, classes) {
  const p = feature.properties;
  const sansDonnee = !p.secret && (p.valeur === null || p.valeur === undefined);
  return {
    fillColor: couleur(p, classes),
    fillOpacity: 0.85,
    color: '#3e4c59',
    weight: 1,
    dashArray: sansDonnee ? '4 4' : null,
  };
}

/** Rows of the legend, lowest class first: { couleur, libelle, sansDonnee }. */
export function lignesLegende(unite, classes) {
  const { bornes } = classes;
  const lignes = classes.couleurs.map((c, i) => {
    let libelle;
    if (bornes.length === 0) {
      libelle = 'toutes les valeurs';
    } else if (i === 0) {
      libelle = `moins de ${avecUnite(bornes[0], unite)}`;
    } else if (i === bornes.length) {
      libelle = `${avecUnite(bornes[i - 1], unite)} ou plus`;
    } else {
      libelle = `de ${nombre(bornes[i - 1])} à ${avecUnite(bornes[i], unite)}`;
    }
    return { couleur: c, libelle, sansDonnee: false };
  });
  lignes.push({ couleur: COULEUR_SECRET, libelle: 'secret statistique', sansDonnee: false });
  lignes.push({ couleur: COULEUR_SANS_DONNEE, libelle: 'pas de donnée', sansDonnee: true });
  return lignes;
}
