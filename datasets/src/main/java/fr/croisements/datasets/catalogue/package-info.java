/** The data catalogue (DCAT-AP JSON-LD, data.gouv.fr fields, plain text) of the packs, feeds and indicators. */
package fr.croisements.datasets.catalogue;
