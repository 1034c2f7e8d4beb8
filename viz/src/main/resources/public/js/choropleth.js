// Class breaks and colours of the map, in one place: style() and the legend both read them.
// Pure functions, no DOM.

import { avecUnite } from './format.js';

// Percentages (the bin indicator): five classes of 20 points.
export const BREAKS = [20, 40, 60, 80];
// Viridis, five classes: sequential, readable with the common colour-vision deficiencies and in grey.
export const COLORS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
export const COULEUR_SECRET = '#9e9e9e';
export const COULEUR_SANS_DONNEE = '#ffffff';

/** Index of the class of a value: 0 below the first break, BREAKS.length from the last one up. */
export function classe(valeur) {
  return BREAKS.filter((limite) => valeur >= limite).length;
}

export function couleur(proprietes) {
  if (proprietes.secret) {
    return COULEUR_SECRET;
  }
  if (proprietes.valeur === null || proprietes.valeur === undefined) {
    return COULEUR_SANS_DONNEE;
  }
  return COLORS[classe(proprietes.valeur)];
}

/** Leaflet path style of a commune. */
export function style(feature) {
  const p = feature.properties;
  const sansDonnee = !p.secret && (p.valeur === null || p.valeur === undefined);
  return {
    fillColor: couleur(p),
    fillOpacity: 0.85,
    color: '#3e4c59',
    weight: 1,
    dashArray: sansDonnee ? '4 4' : null,
  };
}

/** Rows of the legend, lowest class first: { couleur, libelle, sansDonnee }. */
export function lignesLegende(unite) {
  const lignes = COLORS.map((c, i) => {
    let libelle;
    if (i === 0) {
      libelle = `moins de ${avecUnite(BREAKS[0], unite)}`;
    } else if (i === BREAKS.length) {
      libelle = `${avecUnite(BREAKS[i - 1], unite)} ou plus`;
    } else {
      libelle = `de ${BREAKS[i - 1]} à ${avecUnite(BREAKS[i], unite)}`;
    }
    return { couleur: c, libelle, sansDonnee: false };
  });
  lignes.push({ couleur: COULEUR_SECRET, libelle: 'secret statistique', sansDonnee: false });
  lignes.push({ couleur: COULEUR_SANS_DONNEE, libelle: 'pas de donnée', sansDonnee: true });
  return lignes;
}
