/**
 * Badge outlines and the boxes they leave for content. Every shape is a polygon in a 400-unit square (fine
 * enough that curves look smooth at any export size); the same polygon draws the shape and decides where
 * text may go, so a box is inside the shape by construction, and tests can check it point by point.
 */
import type { BadgeShape } from '../model/types.ts';

/** Artwork coordinates are designed in this square and scaled to the output size. */
export const DESIGN_SIZE = 400;
const CENTER = DESIGN_SIZE / 2;

export type Point = readonly [number, number];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Thickness of the rim, where the palette's rim colour shows. */
export const RIM = 14;
/** Inset of the decorative ring. */
export const RING_INSET = 24;
/** Inset of the area content must stay in. */
export const CONTENT_INSET = 34;

/** The shape's outline shrunk by `inset` units towards the centre. */
export function shapeOutline(shape: BadgeShape, inset = 0): Point[] {
  const outline = OUTLINES[shape];
  const k = (CENTER - inset) / CENTER;
  return outline.map(([x, y]) => [CENTER + (x - CENTER) * k, CENTER + (y - CENTER) * k] as const);
}

/** SVG path data of a closed polygon, scaled by `scale`. */
export function pathData(points: readonly Point[], scale = 1): string {
  const f = (n: number) => String(Math.round(n * scale * 100) / 100);
  return `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${f(x)} ${f(y)}`).join('')}Z`;
}

/** Even-odd rule point-in-polygon test. */
export function isInside(point: Point, polygon: readonly Point[]): boolean {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The widest box centred on the vertical axis that spans `top`..`bottom` and stays inside the polygon (the
 * outlines are symmetric about x = 200): the half-width is the smallest distance from the axis to the
 * outline over that band, sampled every unit, minus a small margin.
 */
export function centredBox(polygon: readonly Point[], top: number, bottom: number): Box {
  let half = CENTER;
  for (let y = top; y <= bottom + 1e-9; y += Math.min(1, bottom - top || 1)) {
    half = Math.min(half, halfWidthAt(polygon, y));
  }
  half = Math.max(0, half - 2);
  return { x: CENTER - half, y: top, width: 2 * half, height: bottom - top };
}

function halfWidthAt(polygon: readonly Point[], y: number): number {
  let left = Number.NEGATIVE_INFINITY;
  let right = Number.POSITIVE_INFINITY;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi !== yj && ((yi <= y && yj >= y) || (yj <= y && yi >= y))) {
      const x = xi + ((y - yi) * (xj - xi)) / (yj - yi);
      if (x <= CENTER) left = Math.max(left, x);
      if (x >= CENTER) right = Math.min(right, x);
    }
  }
  if (!Number.isFinite(left) || !Number.isFinite(right)) return 0;
  return Math.min(CENTER - left, right - CENTER);
}

/** Vertical bands (design units) for each slot, top to bottom. */
export interface ShapeBands {
  readonly issuer: readonly [number, number];
  readonly icon: readonly [number, number];
  readonly name: readonly [number, number];
  readonly ribbon: readonly [number, number];
}

/** Per-shape bands: the shield is wide at the top and pointed at the bottom, so its content sits higher. */
export const SHAPE_BANDS: Readonly<Record<BadgeShape, ShapeBands>> = {
  circle: { issuer: [78, 100], icon: [106, 168], name: [174, 262], ribbon: [270, 304] },
  rosette: { issuer: [80, 102], icon: [108, 168], name: [174, 260], ribbon: [268, 300] },
  hexagon: { issuer: [88, 108], icon: [112, 170], name: [176, 266], ribbon: [272, 304] },
  'rounded-square': { issuer: [64, 88], icon: [96, 164], name: [172, 270], ribbon: [282, 320] },
  shield: { issuer: [70, 92], icon: [98, 156], name: [162, 250], ribbon: [258, 290] },
};

function polygon(n: number, at: (t: number) => Point): Point[] {
  return Array.from({ length: n }, (_, i) => at(i / n));
}

function circle(r: number): Point[] {
  return polygon(192, (t) => [
    CENTER + r * Math.cos(2 * Math.PI * t),
    CENTER + r * Math.sin(2 * Math.PI * t),
  ]);
}

function rosette(): Point[] {
  return polygon(384, (t) => {
    const a = 2 * Math.PI * t;
    const r = 184 + 8 * Math.cos(18 * a);
    return [CENTER + r * Math.cos(a), CENTER + r * Math.sin(a)];
  });
}

function hexagon(): Point[] {
  return polygon(6, (t) => {
    const a = 2 * Math.PI * t - Math.PI / 2;
    return [CENTER + 192 * Math.cos(a), CENTER + 192 * Math.sin(a)];
  });
}

function roundedSquare(): Point[] {
  const [lo, hi, r] = [16, 384, 72];
  const corners: [number, number, number][] = [
    [hi - r, hi - r, 0],
    [lo + r, hi - r, 90],
    [lo + r, lo + r, 180],
    [hi - r, lo + r, 270],
  ];
  return corners.flatMap(([cx, cy, start]) =>
    Array.from({ length: 17 }, (_, i) => {
      const a = ((start + (90 * i) / 16) * Math.PI) / 180;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const;
    }),
  );
}

function shield(): Point[] {
  const cubic = (p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point => {
    const u = 1 - t;
    return [
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ];
  };
  const right = Array.from({ length: 48 }, (_, i) =>
    cubic([364, 212], [364, 300], [300, 356], [200, 392], i / 48),
  );
  const left = Array.from({ length: 48 }, (_, i) =>
    cubic([200, 392], [100, 356], [36, 300], [36, 212], i / 48),
  );
  const top = Array.from({ length: 32 }, (_, i) => {
    const x = 36 + (328 * i) / 32;
    return [x, 24 + 10 * ((x - CENTER) / 164) ** 2] as const;
  });
  return [...top, [364, 34], ...right, ...left, [36, 212]];
}

const OUTLINES: Readonly<Record<BadgeShape, readonly Point[]>> = {
  circle: circle(192),
  rosette: rosette(),
  hexagon: hexagon(),
  'rounded-square': roundedSquare(),
  shield: shield(),
};
