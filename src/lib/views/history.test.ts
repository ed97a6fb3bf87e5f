import { describe, expect, it } from 'vitest';
import { changedKeys, historyPolicy } from './history';

describe('history entries of a selection', () => {
	const view = { indicator: 'a', granularity: 'quarter', units: ['1', '2'] };

	it('names the fields that changed, arrays by their items', () => {
		expect(changedKeys(view, { ...view, granularity: 'year' })).toBe('granularity');
		expect(changedKeys(view, { ...view, units: ['1', '2'] })).toBe('');
		expect(changedKeys(view, { ...view, units: ['1'], indicator: 'b' })).toBe('indicator,units');
	});

	it('pushes the first change of a burst and replaces the options passed over by arrow keys', () => {
		let clock = 0;
		const policy = historyPolicy(1000, () => clock);
		const steps = ['month', 'half', 'year', 'ytd'].map((granularity, i) => {
			clock = i * 120; // a key held down repeats every ~100 ms
			return policy(view, { ...view, granularity });
		});
		expect(steps).toEqual(['push', 'replace', 'replace', 'replace']);
	});

	it('pushes a change of another selection, and the same one after a pause', () => {
		let clock = 0;
		const policy = historyPolicy(1000, () => clock);
		expect(policy(view, { ...view, granularity: 'year' })).toBe('push');
		clock = 200;
		expect(policy(view, { ...view, indicator: 'b' })).toBe('push');
		clock = 400;
		expect(policy(view, { ...view, granularity: 'month' })).toBe('push');
		clock = 2000;
		expect(policy(view, { ...view, granularity: 'half' })).toBe('push');
	});
});
