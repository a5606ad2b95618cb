/** The item types (schemas/common.schema.json ItemType) as citizens read them. */
export const ITEM_TYPE_LABELS: Readonly<Record<string, string>> = {
  news: 'Actualité',
  event: 'Événement',
  procedure: 'Démarche',
  service: 'Service en ligne',
  job: "Offre d'emploi",
  publication: 'Publication',
  alert: 'Alerte',
};

/** The French name of a type; an unknown type shows as it is rather than vanish. */
export function getItemTypeLabel(type: string): string {
  return ITEM_TYPE_LABELS[type] ?? type;
}
