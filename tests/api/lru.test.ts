/** The LRU behind the document store and the response cache (src/api/lru.ts). */
import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/api/lru.js';

describe('Lru', () => {
  it('evicts the least recently used first, a get counting as a use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('bounds the total size, replaces keys without double counting, and refuses a value larger than the whole', () => {
    const lru = new Lru<string, string>(10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('a', 'xxxxx');
    expect(lru.weight).toBe(5);
    lru.set('b', 'yyyyy');
    expect([lru.size, lru.weight]).toEqual([2, 10]);
    lru.set('c', 'z');
    expect(lru.get('a')).toBeUndefined();
    expect(lru.weight).toBe(6);
    lru.set('huge', 'x'.repeat(11));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.weight).toBe(6);
    expect(lru.delete('b')).toBe(true);
    lru.clear();
    expect([lru.size, lru.weight]).toEqual([0, 0]);
  });
});
