// Which checkpoint the heap's reopened state came from, when the kill may land inside one.
import { describe, expect, it } from 'vitest';
import { checkpointOnDisk } from './round.js';

describe('checkpointOnDisk', () => {
  const lines = ['ready', 'a 256', 'p 256', 'c 256', 'a 512', 'p 512'];

  it('is the last completed checkpoint when none was under way, or the one under way had not landed', () => {
    expect(checkpointOnDisk(['ready', 'a 256', 'p 256', 'c 256', 'a 300'], 300, 44)).toBe(256);
    expect(checkpointOnDisk(lines, 512, 256)).toBe(256);
  });

  it('is the interrupted checkpoint when the state holds every write it took', () => {
    expect(checkpointOnDisk(lines, 512, 0)).toBe(512);
  });

  it('is 0 before any checkpoint', () => {
    expect(checkpointOnDisk(['ready', 'a 100'], 100, 100)).toBe(0);
  });
});
