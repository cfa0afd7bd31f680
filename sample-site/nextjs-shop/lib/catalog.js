// The shop's data, in memory: every answer is the same from run to run, so that a browser's
// recording and the explorer's walk can be compared request by request.
export const products = {
  tea: { name: 'Green tea', price: 4.5, category: 'drinks' },
  coffee: { name: 'Dark roast', price: 7.25, category: 'drinks' },
  cocoa: { name: 'Hot cocoa', price: 5, category: 'drinks' },
  scarf: { name: 'Wool scarf', price: 29, category: 'scarves' },
}

export const categories = {
  shoes: ['Trail runner', 'Loafer'],
  hats: ['Beret', 'Cap'],
  bags: ['Tote', 'Satchel'],
  scarves: ['Wool scarf'],
}

// Built at `next build`; the other categories are rendered on their first request.
export const builtCategories = ['shoes', 'hats']

export const archiveYears = ['2023', '2024']

export function deal(id) {
  return { id, title: `Deal ${id}`, discount: (id * 7) % 40 }
}
