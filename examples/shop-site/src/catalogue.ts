export interface Product {
  id: string;
  name: string;
  price: number;
  description: string;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'storm-lantern', name: 'Storm lantern', price: 34.5, description: 'Brass hurricane lantern that keeps burning in a gale.' },
  { id: 'trail-boots', name: 'Trail boots', price: 119, description: 'Waterproof leather boots with a grippy sole.' },
  { id: 'wool-blanket', name: 'Wool blanket', price: 64, description: 'Heavy merino blanket for cold nights in the hut.' },
  { id: 'tin-mug', name: 'Enamel tin mug', price: 12.9, description: 'Chip-resistant mug for coffee by the fire.' },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

export function searchProducts(query: string): Product[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...PRODUCTS];
  return PRODUCTS.filter((p) => words.every((w) => `${p.name} ${p.description}`.toLowerCase().includes(w)));
}

/** The demo account; a real site would check a password hash. */
export const DEMO_USER = { username: 'alice', password: 'wonderland' };
