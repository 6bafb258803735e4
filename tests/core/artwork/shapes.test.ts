import { describe, expect, it } from 'vitest';
import {
  CONTENT_INSET,
  centredBox,
  isInside,
  pathData,
  RIM,
  SHAPE_BANDS,
  shapeOutline,
} from '../../../src/core/artwork/shapes.ts';
import { BADGE_SHAPES } from '../../../src/core/model/types.ts';

describe('shapes', () => {
  it('tests points against a polygon', () => {
    const square = shapeOutline('rounded-square');
    expect(isInside([200, 200], square)).toBe(true);
    expect(isInside([5, 5], square)).toBe(false);
    expect(isInside([20, 20], square)).toBe(false); // rounded corner
  });

  it.each(BADGE_SHAPES)(
    '%s: every content box lies inside the content area and within the 400-unit square',
    (shape) => {
      const outer = shapeOutline(shape);
      const content = shapeOutline(shape, CONTENT_INSET);
      for (const point of outer) {
        expect(point[0]).toBeGreaterThanOrEqual(0);
        expect(point[0]).toBeLessThanOrEqual(400);
        expect(point[1]).toBeGreaterThanOrEqual(0);
        expect(point[1]).toBeLessThanOrEqual(400);
      }
      for (const [slot, band] of Object.entries(SHAPE_BANDS[shape])) {
        const box = centredBox(content, band[0], band[1]);
        expect(box.width, `${shape} ${slot} width`).toBeGreaterThan(120);
        for (let t = 0; t <= 1; t += 0.05) {
          for (const p of [
            [box.x + t * box.width, box.y],
            [box.x + t * box.width, box.y + box.height],
            [box.x, box.y + t * box.height],
            [box.x + box.width, box.y + t * box.height],
          ] as const) {
            expect(isInside(p, content), `${shape} ${slot} (${p[0].toFixed(1)}, ${p[1].toFixed(1)})`).toBe(
              true,
            );
          }
        }
      }
    },
  );

  it('shrinks outlines towards the centre', () => {
    const outer = shapeOutline('hexagon');
    const inner = shapeOutline('hexagon', RIM);
    for (const p of inner) expect(isInside(p, outer)).toBe(true);
  });

  it('writes compact path data', () => {
    expect(
      pathData(
        [
          [0, 0],
          [10.123, 5],
          [0, 5],
        ],
        2,
      ),
    ).toBe('M0 0L20.25 10L0 10Z');
  });
});
