/** The embedded single-node KRaft broker of {@code croisements demo} and topic creation on any cluster. */
package fr.croisements.app.kafka;
