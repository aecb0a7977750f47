import territory from './territory.json' with { type: 'json' };

/** Reference lists used by validation and by the interface (categories, labels). */
export interface Category {
  id: string;
  label: string;
  subcategories: { id: string; label: string }[];
}

export const categories: Category[] = territory.partner_categories.categories.map((c) => ({
  id: c.id,
  label: c.label,
  subcategories: c.subcategories.map((s) => ({ id: s.id, label: s.label })),
}));

export const categoryIds = categories.map((c) => c.id);
export const labels: string[] = territory.labels.map((l) => l.name);

/** The 7 permanent + 1 seasonal bureaux announced in 2013: the sourced ones, completed by candidates marked unverified. */
export const seededOfficeIds = [
  'bit-le-vigan', 'bit-ganges', 'bit-blandas-belvederes', 'bit-maison-aigoual',
  'bit-valleraugue', 'bit-candidate-causses-aigoual', 'bit-candidate-saint-bauzille', 'bit-candidate-sumene',
];

export { territory };
