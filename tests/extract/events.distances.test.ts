import { describe, expect, it } from 'vitest';
import { findDistances, normalizeKmRange } from '../../src/extract/events/distances.js';

const one = (text: string) => {
  const found = findDistances(text);
  expect(found).toHaveLength(1);
  const d = found[0]!;
  expect(text.slice(d.span.start, d.span.end)).toBe(d.span.exact);
  return d;
};

describe('findDistances', () => {
  it('normalises ranges in any unit to a kilometre range', () => {
    expect(one('the jets were 10 to 20 miles apart.')).toMatchObject({ normalized: '16.1-32.2 km', span: { exact: '10 to 20 miles apart' } });
    expect(one('came within 2-3 km of the border patrol')).toMatchObject({ normalized: '2.0-3.0 km' });
    expect(one('between 2 and 3 kilometres')).toMatchObject({ normalized: '2.0-3.0 km' });
    expect(one('about 1.5 nautical miles')).toMatchObject({ minKm: expect.closeTo(2.5, 1), maxKm: expect.closeTo(3.06, 1) });
  });

  it('reads an abbreviation printed against the number ("4.6km"), never "3m" (probe 3)', () => {
    expect(one('the plane hit the ground 4.6km from the runway')).toMatchObject({ normalized: '4.6-4.6 km', span: { exact: '4.6km' } });
    expect(one('a 10-15mi stretch')).toMatchObject({ normalized: '16.1-24.1 km' });
    expect(findDistances('the city of 3m people')).toEqual([]);
  });

  it('keeps a parenthesised conversion in the same claim', () => {
    const d = one('the jets came within 2 or 3 kilometers (1.2 to 1.8 miles) from the plane');
    expect(d.span.exact).toBe('2 or 3 kilometers (1.2 to 1.8 miles)');
    expect(d.normalized).toBe('2.0-3.0 km');
  });

  it('widens a hedged single value but keeps a hedged range as given', () => {
    expect(one('came as close as approximately two miles of each other')).toMatchObject({
      normalized: '2.9-3.5 km',
      span: { exact: 'approximately two miles of each other' },
    });
    expect(one('reportedly around just 10 to 20 miles apart')).toMatchObject({ normalized: '16.1-32.2 km' });
    expect(one('up to 5 km')).toMatchObject({ normalized: '0-5.0 km' });
  });

  it('gives vague amounts conventional bounds and marks them vague', () => {
    expect(one('they were miles apart')).toMatchObject({ normalized: '3.2-32.2 km', vague: true, span: { exact: 'miles apart' } });
    expect(one('a jet came within miles of each other')).toMatchObject({ span: { exact: 'within miles of each other' }, vague: true });
    expect(one('flew within a close few miles with each other')).toMatchObject({ normalized: '3.2-8.0 km', span: { exact: 'within a close few miles' } });
    expect(one('described the distance apart as "miles," but')).toMatchObject({ span: { exact: 'miles' } });
  });

  it('prints small distances with significant digits', () => {
    expect(one('came within 300 feet of each other')).toMatchObject({ normalized: '0.091-0.091 km' });
    expect(normalizeKmRange(0, 0.5)).toBe('0-0.5 km');
  });

  it('ignores altitudes, sizes and bare singular units', () => {
    expect(findDistances('cruising at 35,000 feet')).toEqual([]);
    expect(findDistances('a runway 2 miles long')).toEqual([]);
    expect(findDistances('the mile marker')).toEqual([]);
    expect(findDistances("I'm here")).toEqual([]);
  });

  it('reports offsets into the whole text when given a range', () => {
    const text = 'Intro sentence. The planes were 10 to 20 miles apart.';
    const [d] = findDistances(text, 16, text.length);
    expect(text.slice(d!.span.start, d!.span.end)).toBe('10 to 20 miles apart');
  });
});
