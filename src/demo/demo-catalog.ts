/** The demo store's content: small, but enough to exercise every storefront feature. */

export interface DemoVariant {
  name: string;
  attributes: Record<string, string>;
  /** Decimal string added to the product's base price. */
  priceAdjustment?: string;
  stock: number;
}

export interface DemoProduct {
  name: string;
  category: string;
  basePrice: string;
  description: string;
  tags: string[];
  featured?: boolean;
  variants: DemoVariant[];
}

export const DEMO_STORE = {
  slug: 'demo',
  name: 'Demo Store',
  currency: 'USD',
  taxRate: '0.0825',
  shippingFlat: '5.00',
};

/** Parent → children, in display order. */
export const DEMO_CATEGORIES: Array<{ name: string; children: string[] }> = [
  { name: 'Apparel', children: ['T-Shirts', 'Hoodies'] },
  { name: 'Accessories', children: ['Bags', 'Hats'] },
  { name: 'Home', children: ['Mugs', 'Posters'] },
];

export const DEMO_TAGS = ['New', 'Sale', 'Bestseller', 'Organic', 'Limited'];

const sizes = (stock: number, larger = '2.00'): DemoVariant[] => [
  { name: 'Small', attributes: { size: 'S' }, stock },
  { name: 'Medium', attributes: { size: 'M' }, stock },
  { name: 'Large', attributes: { size: 'L' }, stock },
  { name: 'X-Large', attributes: { size: 'XL' }, priceAdjustment: larger, stock: Math.max(1, stock - 5) },
];

const colours = (colourNames: string[], stock: number): DemoVariant[] =>
  colourNames.map((colour) => ({ name: colour, attributes: { color: colour.toLowerCase() }, stock }));

const sizesInColours = (colourNames: string[], stock: number): DemoVariant[] =>
  colourNames.flatMap((colour) =>
    ['S', 'M', 'L'].map((size) => ({
      name: `${size} / ${colour}`,
      attributes: { size, color: colour.toLowerCase() },
      stock,
    })),
  );

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    name: 'Classic Cotton Tee',
    category: 'T-Shirts',
    basePrice: '19.99',
    description: 'A soft everyday t-shirt in heavyweight organic cotton.',
    tags: ['Bestseller', 'Organic'],
    featured: true,
    variants: sizesInColours(['Black', 'White'], 25),
  },
  {
    name: 'Vintage Logo Tee',
    category: 'T-Shirts',
    basePrice: '24.00',
    description: 'Washed-out print, relaxed fit, garment dyed.',
    tags: ['New'],
    variants: sizes(15),
  },
  {
    name: 'Striped Breton Tee',
    category: 'T-Shirts',
    basePrice: '29.50',
    description: 'Long-sleeved navy and cream stripes.',
    tags: ['Sale'],
    variants: sizes(8),
  },
  {
    name: 'Pocket Tee',
    category: 'T-Shirts',
    basePrice: '21.00',
    description: 'Boxy fit with a chest pocket.',
    tags: [],
    variants: sizesInColours(['Olive', 'Sand'], 12),
  },
  {
    name: 'Everyday Hoodie',
    category: 'Hoodies',
    basePrice: '49.00',
    description: 'Brushed fleece lining, kangaroo pocket.',
    tags: ['Bestseller'],
    featured: true,
    variants: sizesInColours(['Grey', 'Navy'], 10),
  },
  {
    name: 'Zip Hoodie',
    category: 'Hoodies',
    basePrice: '59.00',
    description: 'Full zip with a two-way metal zipper.',
    tags: ['New'],
    variants: sizes(6, '4.00'),
  },
  {
    name: 'Recycled Fleece Hoodie',
    category: 'Hoodies',
    basePrice: '64.99',
    description: 'Made from recycled bottles; warm and light.',
    tags: ['Organic', 'Limited'],
    variants: sizes(3),
  },
  {
    name: 'Canvas Tote',
    category: 'Bags',
    basePrice: '18.00',
    description: 'Sturdy 12 oz canvas tote with inner pocket.',
    tags: ['Bestseller'],
    variants: colours(['Natural', 'Black'], 40),
  },
  {
    name: 'Roll-Top Backpack',
    category: 'Bags',
    basePrice: '89.00',
    description: 'Waterproof roll-top backpack with a laptop sleeve.',
    tags: ['New'],
    featured: true,
    variants: colours(['Black', 'Olive'], 7),
  },
  {
    name: 'Crossbody Bag',
    category: 'Bags',
    basePrice: '39.00',
    description: 'Compact bag with an adjustable strap.',
    tags: ['Sale'],
    variants: colours(['Tan', 'Black'], 9),
  },
  {
    name: 'Wool Beanie',
    category: 'Hats',
    basePrice: '22.00',
    description: 'Ribbed merino wool beanie.',
    tags: ['Organic'],
    variants: colours(['Charcoal', 'Mustard', 'Forest'], 20),
  },
  {
    name: 'Six-Panel Cap',
    category: 'Hats',
    basePrice: '26.00',
    description: 'Unstructured cotton cap with a brass buckle.',
    tags: [],
    variants: colours(['Navy', 'Stone'], 14),
  },
  {
    name: 'Bucket Hat',
    category: 'Hats',
    basePrice: '28.00',
    description: 'Reversible bucket hat.',
    tags: ['Limited'],
    variants: colours(['Black'], 2),
  },
  {
    name: 'Stoneware Mug',
    category: 'Mugs',
    basePrice: '16.00',
    description: 'Hand-glazed 350 ml stoneware mug.',
    tags: ['Bestseller'],
    featured: true,
    variants: colours(['Speckled', 'Blue'], 30),
  },
  {
    name: 'Enamel Camp Mug',
    category: 'Mugs',
    basePrice: '14.00',
    description: 'Lightweight enamel mug for the outdoors.',
    tags: ['Sale'],
    variants: colours(['White', 'Green'], 25),
  },
  {
    name: 'Travel Tumbler',
    category: 'Mugs',
    basePrice: '27.00',
    description: 'Double-walled steel keeps drinks hot for 6 hours.',
    tags: ['New'],
    variants: [
      { name: '350 ml', attributes: { capacity: '350ml' }, stock: 18 },
      { name: '500 ml', attributes: { capacity: '500ml' }, priceAdjustment: '4.00', stock: 11 },
    ],
  },
  {
    name: 'Mountain Print',
    category: 'Posters',
    basePrice: '35.00',
    description: 'Giclée print on archival paper.',
    tags: ['Limited'],
    variants: [
      { name: 'A3', attributes: { format: 'A3' }, stock: 10 },
      { name: 'A2', attributes: { format: 'A2' }, priceAdjustment: '15.00', stock: 5 },
    ],
  },
  {
    name: 'City Map Poster',
    category: 'Posters',
    basePrice: '30.00',
    description: 'Minimal line map of the old town.',
    tags: [],
    variants: [
      { name: 'A3', attributes: { format: 'A3' }, stock: 12 },
      { name: 'A2', attributes: { format: 'A2' }, priceAdjustment: '12.50', stock: 6 },
    ],
  },
  {
    name: 'Botanical Poster Set',
    category: 'Posters',
    basePrice: '55.00',
    description: 'Three botanical prints.',
    tags: ['Sale', 'Organic'],
    variants: [{ name: 'Set of 3 (A4)', attributes: { format: 'A4' }, stock: 4 }],
  },
  {
    name: 'Gift Card',
    category: 'Accessories',
    basePrice: '25.00',
    description: 'Delivered by email; never expires.',
    tags: [],
    variants: [
      { name: '$25', attributes: { amount: '25' }, stock: 1000 },
      { name: '$50', attributes: { amount: '50' }, priceAdjustment: '25.00', stock: 1000 },
    ],
  },
];
