import type { MonthIndex } from '../../lib/periods';
import { clamp, type Rng } from './random';

/** A payment the family will make in a later month. */
export interface Installment {
	month: MonthIndex;
	fen: number;
}

/** A village's fees still to be paid. */
export interface FeeAccount {
	pending: Installment[];
}

/**
 * Social maintenance fee in fen (so sums stay exact): most out-of-policy births are assessed,
 * and the family pays part of it in instalments over the following months, so collection lags
 * assessment and rarely reaches it.
 */
export function fees(
	rng: Rng,
	s: FeeAccount,
	rate: number,
	spread: number,
	m: MonthIndex,
	outOfPolicy: number
): [number, number] {
	let assessed = 0;
	for (let i = 0; i < outOfPolicy; i++) {
		if (!rng.chance(0.75)) continue;
		const yuan = 5000 + 55_000 * rng.float() ** 2;
		// Usually a round sum; sometimes a multiple of an income with jiao and fen.
		const fen = rng.chance(0.55) ? Math.round(yuan / 100) * 10_000 : Math.round(yuan * 100);
		assessed += fen;
		let owed = Math.round(fen * clamp(rate + spread * rng.normal(), 0, 1));
		const parts = rng.int(1, 3);
		let due = m + (rng.chance(0.4) ? 0 : rng.int(1, 3));
		for (let p = 1; p <= parts && owed > 0; p++) {
			const part = p === parts ? owed : Math.round(owed / (parts - p + 1) / 100) * 100;
			s.pending.push({ month: due, fen: part });
			owed -= part;
			due += rng.int(1, 2);
		}
	}
	let collected = 0;
	if (s.pending.length) {
		s.pending = s.pending.filter((inst) => {
			if (inst.month > m) return true;
			collected += inst.fen;
			return false;
		});
	}
	return [assessed, collected];
}
