/**
 * Everyday words and administrative terms, one entry a line: `a, b, c` are equivalent
 * (each finds the others), `a => b, c` expands `a` only (a query for `b` does not look for
 * `a`). Words are folded and stemmed like the index, so accents, case and plurals do not
 * matter. Verb ↔ noun pairs (résilier / résiliation) come from the derivations, sigles that
 * DILA's fiches define (CPAM, Smic, APL…) from abbreviations-data.ts.
 *
 * Provenance: written for Passerelle (licence of the project) from the wording of DILA's
 * « vos droits et démarches » fiches (the administrative side) and the way the same
 * questions are put on public forums and help sites (the citizens' side). Platform admins
 * add, change or switch off entries through /api/v1/admin/search/synonyms.
 */
export const EVERYDAY_SYNONYMS_SOURCE = 'Passerelle : liste écrite à partir des fiches DILA et des forums';

export const EVERYDAY_SYNONYMS = `
# Work
boulot => travail, emploi
job, emploi
taf => travail
patron, employeur
chef => employeur, supérieur hiérarchique
boite => entreprise, employeur
salaire, rémunération
paye, paie, salaire
fiche de paie, bulletin de paie, bulletin de salaire, fiche de salaire
payé => rémunéré, indemnisé, indemnités
toucher => percevoir, bénéficier
virer => licencier
viré => licencié
chômage, allocation d'aide au retour à l'emploi, ARE
pôle emploi, France Travail
heures sup, heures supplémentaires
RTT, réduction du temps de travail
télétravail, travail à domicile
alternance, apprentissage, contrat de professionnalisation
# Health
mutuelle, complémentaire santé, couverture maladie complémentaire
sécu, sécurité sociale, assurance maladie
arrêt maladie => arrêt de travail, indemnités journalières
indemnités journalières, IJ
médecin, docteur
dentiste, soins dentaires, chirurgien-dentiste
lunettes, optique
hôpital, hospitalisation
avortement, IVG, interruption volontaire de grossesse
avorter => IVG, interruption volontaire de grossesse
enceinte, grossesse
# Family
bébé, nourrisson
gosse => enfant
gamin => enfant
ado, adolescent
mari => époux, conjoint
femme => épouse, époux, conjoint
épouse, conjoint
ex => ex-conjoint, ex-époux
nounou, assistante maternelle, assistant maternel
crèche, établissement d'accueil du jeune enfant
garde alternée, résidence alternée
union libre, concubinage, concubin
enterrement, obsèques, funérailles
mort, décès
héritage, succession
hériter => succession
veuve, veuf, conjoint survivant
pension de veuve => pension de réversion
vieux => personnes âgées
maison de retraite, Ehpad
# Money and taxes
impôts, impôt sur le revenu
fisc, administration fiscale
allocs, allocations familiales
RIB, relevé d'identité bancaire, coordonnées bancaires
compte en banque, compte bancaire
chèque en bois, chèque sans provision
arnaque, escroquerie
arnaquer => escroquerie
dettes => surendettement, endettement
prêt, crédit, emprunt
# Housing
proprio, propriétaire, bailleur
appartement => logement
maison => logement, habitation
caution => dépôt de garantie
HLM, logement social
squatteur, squat, occupant sans droit ni titre
insalubre, logement indigne
abri de jardin, cabanon
agrandir => extension
bruit, nuisances sonores, tapage
feuilles mortes, déchets verts
poubelle, ordures ménagères
chauffage => énergie
# Transport
voiture, véhicule, automobile, auto
bagnole => voiture, véhicule
moto, motocyclette, deux-roues
scooter, cyclomoteur
vélo, bicyclette, cycle
carte grise, certificat d'immatriculation
PV, procès-verbal, contravention
amende, contravention
flashé => radar, contrôle automatisé
constat, constat amiable
contrôle technique, CT
crit air, certificat qualité de l'air, vignette
# Papers and rights
CNI, carte nationale d'identité, carte d'identité
papiers => pièce d'identité, titre d'identité, justificatifs
périmé, expiré
perdu => perte
devenir français => nationalité française, naturalisation
fac, université, enseignement supérieur
bac, baccalauréat
cantine, restauration scolaire
rentrée des classes, rentrée scolaire
clope, cigarettes, tabac
flic => police
commissariat => police, plainte
prud'hommes, conseil de prud'hommes
colis => livraison, achat à distance
internet => en ligne, à distance
`;
