import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LOCAL_HEAP, heapMegabytes, loadConfig, localHeapFrom } from '../../src/config.js';

describe('NEO4J_LOCAL_HEAP (the embedded Neo4j -Xmx)', () => {
  it('defaults above the old 1g cap', () => {
    expect(loadConfig({}).NEO4J_LOCAL_HEAP).toBe(DEFAULT_LOCAL_HEAP);
    expect(localHeapFrom({})).toBe(DEFAULT_LOCAL_HEAP);
    expect(heapMegabytes(DEFAULT_LOCAL_HEAP)).toBeGreaterThan(1024);
  });

  it('takes JVM sizes in k, m or g', () => {
    expect(loadConfig({ NEO4J_LOCAL_HEAP: '4G' }).NEO4J_LOCAL_HEAP).toBe('4g');
    expect(localHeapFrom({ NEO4J_LOCAL_HEAP: '1536m' })).toBe('1536m');
    expect(heapMegabytes('1048576k')).toBe(1024);
  });

  it('refuses malformed or too small sizes, naming the variable', () => {
    for (const bad of ['2', '2gb', 'lots', '-1g', '256m']) {
      expect(() => loadConfig({ NEO4J_LOCAL_HEAP: bad })).toThrow(/NEO4J_LOCAL_HEAP/);
      expect(() => localHeapFrom({ NEO4J_LOCAL_HEAP: bad })).toThrow(ConfigError);
    }
  });
});
