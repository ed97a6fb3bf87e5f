import { describe, expect, it } from 'vitest';
import { chanceOf } from '../assess/chance';
import { assess } from '../assess';
import { catalog, county, noisyValues, period, scheme2024 } from '../assess/fixture';
import { chanceWorker, type ChanceJob, type ChanceResponse } from './chance-job';
import { ChancePool, poolSize, type ChanceWorkerPort } from './chance-pool';

/** A worker in this thread: the real handler, answering asynchronously as a Worker does. */
function inProcessWorker(): ChanceWorkerPort & { requests: number } {
	const handle = chanceWorker();
	const listeners = new Set<(m: ChanceResponse) => void>();
	const port = {
		requests: 0,
		post(message: Parameters<ChanceWorkerPort['post']>[0]) {
			port.requests++;
			// structured clone, as postMessage does: nothing shared by reference
			const copy = structuredClone(message);
			setTimeout(() => {
				const { response } = handle(copy);
				for (const l of listeners) l(structuredClone(response));
			});
		},
		listen(handler: (m: ChanceResponse) => void) {
			listeners.add(handler);
			return () => listeners.delete(handler);
		}
	};
	return port;
}

function job(id: number) {
	const units = county('990101', 19);
	const periods = ['2023', '2024H1', '2024'].map(period);
	const a = assess(noisyValues(units, 'township', periods), scheme2024, {
		catalog,
		units,
		level: 'township',
		period: periods[2]
	});
	const groups: [string, string][] = a.units.map((u) => [u.code, u.parent_code ?? '']);
	const j: ChanceJob = {
		id,
		assessment: JSON.stringify(a),
		scheme: scheme2024,
		catalog,
		period: '2024',
		groups
	};
	return { a, j, expected: chanceOf(a, scheme2024, catalog, periods[2]) };
}

describe('ChancePool', () => {
	it.each([1, 2, 3, 4])('with %i workers prints what kaoping assess prints', async (n) => {
		const { j, expected } = job(1);
		const workers = Array.from({ length: n }, inProcessWorker);
		const result = await new ChancePool(workers).run(j);
		expect(result).toEqual(expected);
		expect(result.size).toBe(19);
		// every worker drew a share; the first also combined them
		expect(workers.map((w) => w.requests)).toEqual(workers.map((_, i) => (i === 0 ? 2 : 1)));
	});

	it('lets a newer job supersede an older one', async () => {
		const pool = new ChancePool([inProcessWorker(), inProcessWorker()]);
		let oldSettled = false;
		void pool.run(job(1).j).then(() => (oldSettled = true));
		const { j, expected } = job(2);
		expect(await pool.run(j)).toEqual(expected);
		await new Promise((r) => setTimeout(r, 50));
		expect(oldSettled).toBe(false);
	});

	it('sizes itself to the machine, within 1…4 workers', () => {
		expect([undefined, 1, 2, 3, 16].map(poolSize)).toEqual([2, 1, 2, 3, 4]);
	});
});
