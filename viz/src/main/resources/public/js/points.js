// What the three point layers (capteurs, antennes, parkings) share: reading the points of a
// GeoJSON answer, keeping one Leaflet marker per id across refreshes, and the life of the layer
// (shown or hidden by its checkbox, emptied, shown again with its section of the control). DOM and
// Leaflet helpers, no fetch.

import * as L from 'leaflet';

/** The Point features of a GeoJSON FeatureCollection (an empty list for anything else). */
export function points(geojson) {
  return ((geojson && geojson.features) || []).filter((f) => f.geometry && f.geometry.type === 'Point');
}

/** Removes from the layer group, and from the map of markers by id, the markers whose id is not in `presents`. */
export function retirerAbsents(groupe, marqueurs, presents) {
  [...marqueurs.entries()].filter(([id]) => !presents.has(id)).forEach(([id, m]) => {
    groupe.removeLayer(m);
    marqueurs.delete(id);
  });
}

/** Redraws the open popup and tooltip of a marker whose properties changed. */
export function rafraichirOuverts(m) {
  if (m.isPopupOpen()) {
    m.getPopup().update();
  }
  if (m.isTooltipOpen()) {
    m.getTooltip().update();
  }
}

/**
 * The markers of one point layer, by id, in a layer group that the section's checkbox shows and
 * hides (surCoche(coche) is told after). vider() removes them all with the section; montrer(features)
 * after a successful read: the section says when, the group is on the map unless hidden, and
 * surSimulees(bool) whether any shown point is simulated.
 */
export function creerGroupePoints(carte, section, { surSimulees, surCoche = () => {} }) {
  const groupe = L.layerGroup();
  const marqueurs = new Map();
  let visible = true;
  section.surChangement((coche) => {
    visible = coche;
    if (visible) {
      groupe.addTo(carte);
    } else {
      carte.removeLayer(groupe);
    }
    surCoche(coche);
  });
  return {
    groupe,
    marqueurs,
    estVisible: () => visible,
    /** Removes the markers whose id is not among those of this answer. */
    garder: (presents) => retirerAbsents(groupe, marqueurs, presents),
    vider() {
      groupe.clearLayers();
      marqueurs.clear();
      carte.removeLayer(groupe);
      section.montrer(false);
      surSimulees(false);
    },
    montrer(features) {
      section.noterLecture();
      section.montrer(true);
      if (visible && !carte.hasLayer(groupe)) {
        groupe.addTo(carte);
      }
      surSimulees(features.some((f) => f.properties.simule));
    },
  };
}
