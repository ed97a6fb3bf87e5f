import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256 (for browsers without crypto.subtle)', () => {
	it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003])(
		'agrees with node:crypto on %s bytes',
		(n) => {
			const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 0xff);
			expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
		}
	);

	it('gives the FIPS 180-4 value of "abc"', () => {
		expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});
