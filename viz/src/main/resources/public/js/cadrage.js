// Fitting a map to its territory in the part of the map its panels leave visible (legend, point
// layers' control, zoom buttons, attributions): Leaflet's fitBounds with a padding computed from the
// panels' sizes, so that no commune is drawn under a panel. Each panel is left out either beside the
// territory (a margin on its side) or above or below it (a margin at its end), whichever choice, for
// all the panels together, draws the territory largest. marges() is pure; cadrer() reads the page.

import * as L from 'leaflet';

/** Free pixels kept between the territory and the edge of the map or of a panel. */
export const MARGE = 12;
// a panel smaller than this (an empty corner, a hidden control) covers nothing
const TAILLE_MINIMALE = 2;

/**
 * The padding that fits a territory of aspect `rapport` (its width over its height, in pixels) as
 * large as possible in a map of largeur × hauteur pixels without any of these panels over it.
 * panneaux: rectangles in the map's pixels, { gauche, haut, droite, bas }. Returns Leaflet's
 * { paddingTopLeft: [x, y], paddingBottomRight: [x, y] }.
 */
export function marges(largeur, hauteur, panneaux, rapport) {
  const utiles = panneaux.filter((p) => p.droite - p.gauche >= TAILLE_MINIMALE && p.bas - p.haut >= TAILLE_MINIMALE
    && p.droite > 0 && p.gauche < largeur && p.bas > 0 && p.haut < hauteur);
  let meilleure = { echelle: -1, m: { gauche: 0, haut: 0, droite: 0, bas: 0 } };
  // every way of leaving each panel out: beside the territory (bit set) or above/below it
  for (let choix = 0; choix < 2 ** utiles.length; choix += 1) {
    const m = { gauche: 0, haut: 0, droite: 0, bas: 0 };
    utiles.forEach((p, i) => {
      if (choix & (2 ** i)) {
        if ((p.gauche + p.droite) / 2 < largeur / 2) {
          m.gauche = Math.max(m.gauche, p.droite);
        } else {
          m.droite = Math.max(m.droite, largeur - p.gauche);
        }
      } else if ((p.haut + p.bas) / 2 < hauteur / 2) {
        m.haut = Math.max(m.haut, p.bas);
      } else {
        m.bas = Math.max(m.bas, hauteur - p.haut);
      }
    });
    const libreL = largeur - m.gauche - m.droite - 2 * MARGE;
    const libreH = hauteur - m.haut - m.bas - 2 * MARGE;
    if (libreL > 0 && libreH > 0) {
      // the territory drawn rapport × 1 scaled until it meets the free rectangle's width or height
      const echelle = Math.min(libreL / rapport, libreH);
      if (echelle > meilleure.echelle) {
        meilleure = { echelle, m };
      }
    }
  }
  const { m } = meilleure;
  return {
    paddingTopLeft: [Math.ceil(m.gauche + MARGE), Math.ceil(m.haut + MARGE)],
    paddingBottomRight: [Math.ceil(m.droite + MARGE), Math.ceil(m.bas + MARGE)],
  };
}

/** The panels over the map (its visible Leaflet controls), as rectangles in the map's pixels. */
export function panneauxDe(carte) {
  const cadre = carte.getContainer().getBoundingClientRect();
  return [...carte.getContainer().querySelectorAll('.leaflet-control-container .leaflet-control')].map((c) => {
    const r = c.getBoundingClientRect();
    return { gauche: r.left - cadre.left, haut: r.top - cadre.top, droite: r.right - cadre.left, bas: r.bottom - cadre.top };
  });
}

/**
 * Fits the map to these bounds (a LatLngBounds or what L.latLngBounds takes) in the area its panels
 * leave free; options go to fitBounds (animate: false for a page about to be printed or pictured).
 */
export function cadrer(carte, limites, options = {}) {
  const bornes = L.latLngBounds(limites);
  if (!bornes.isValid()) {
    return;
  }
  const taille = carte.getSize();
  // the aspect of the territory on screen (Web Mercator), read at any zoom
  const no = carte.project(bornes.getNorthWest(), 10);
  const se = carte.project(bornes.getSouthEast(), 10);
  const rapport = Math.max(se.x - no.x, 1e-6) / Math.max(se.y - no.y, 1e-6);
  carte.fitBounds(bornes, { ...marges(taille.x, taille.y, panneauxDe(carte), rapport), ...options });
}
