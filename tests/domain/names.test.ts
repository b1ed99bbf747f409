import { describe, expect, it } from 'vitest';
import { nearMiss } from '../../src/domain/names.js';

describe('nearMiss: one slip in a written name', () => {
  it('takes one slip in a given name or a rare surname for the same person', () => {
    expect(nearMiss('Bashar al-Assad', 'Bashir al-Assad')).toBe(true);
    expect(nearMiss('Igor Konashenkov', 'Igor Konashenkow')).toBe(true);
  });

  it('counts slips as written, not after making a romanised ending canonical ("-ski" / "-sky")', () => {
    // Two slips as written (n/r and i/y); one only once both endings are read as "-sky": two people.
    expect(nearMiss('Bruno Wendanski', 'Bruno Wendarsky')).toBe(false);
    expect(nearMiss('Bruno Wendanski', 'Bruno Wendarski')).toBe(true);
  });
});
