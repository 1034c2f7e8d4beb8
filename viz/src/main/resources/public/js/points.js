// What the three point layers (capteurs, antennes, parkings) share: reading the points of a
// GeoJSON answer and keeping one Leaflet marker per id across refreshes. Pure DOM/Leaflet helpers,
// no fetch.

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
