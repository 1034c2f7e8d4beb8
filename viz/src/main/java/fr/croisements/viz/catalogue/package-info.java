/** The data catalogue of the instance: an HTML page for readers, DCAT-AP JSON-LD and data.gouv.fr fields. */
package fr.croisements.viz.catalogue;
