import type { Scheme, Scoring } from '../config/scheme';
import { formatQuantity } from '../format';

/**
 * 方案模拟: the parts of a scheme an analyst may try other values for — weights, the scoring
 * bounds of each indicator, and the tiers' rank ranges. The edits travel in the URL (a shared
 * link shows the same simulation) and turn back into a whole scheme for the engine and for a
 * YAML file `kaoping assess --scheme` accepts.
 */
export interface SchemeEdits {
	indicators: Record<string, Partial<Record<BoundKey | 'weight', number>>>;
	tiers: Record<string, string>;
}

export type BoundKey = 'floor' | 'target' | 'ceiling' | 'low' | 'high' | 'falloff';

/** The numbers an analyst can change for one indicator, by its rule. */
export function editableKeys(s: Scoring): ('weight' | BoundKey)[] {
	switch (s.rule) {
		case 'linear':
			return ['weight', 'floor', 'target'];
		case 'linear_lower':
			return ['weight', 'target', 'ceiling'];
		case 'band':
			return ['weight', 'low', 'high', 'falloff'];
		default:
			return ['weight'];
	}
}

export const noEdits = (): SchemeEdits => ({ indicators: {}, tiers: {} });

export const hasEdits = (e: SchemeEdits) =>
	Object.values(e.indicators).some((x) => Object.keys(x).length > 0) ||
	Object.keys(e.tiers).length > 0;

/** The official scheme with the edits laid over it. */
export function applyEdits(scheme: Scheme, e: SchemeEdits): Scheme {
	const indicators = Object.fromEntries(
		Object.entries(scheme.indicators).map(([id, s]) => [id, { ...s, ...(e.indicators[id] ?? {}) }])
	) as Scheme['indicators'];
	const tiers = scheme.tiers.map((t) => ({ ...t, ranks: e.tiers[t.name] ?? t.ranks }));
	return { ...scheme, indicators, tiers };
}

/**
 * What is wrong with an edited scheme, in the user's terms; empty when it can be judged.
 * Weights that do not add up to 100 are an error, never silently normalised.
 */
export function editProblems(
	s: Scheme
): { key: string; params?: Record<string, string | number> }[] {
	const out: { key: string; params?: Record<string, string | number> }[] = [];
	const total = Object.values(s.indicators).reduce((sum, x) => sum + x.weight, 0);
	if (Math.abs(total - 100) > 1e-9)
		out.push({ key: 'whatif.weights', params: { total: formatQuantity(total, 4) } });
	for (const [id, x] of Object.entries(s.indicators)) {
		if (!(x.weight > 0)) out.push({ key: 'whatif.weight', params: { id } });
		if (x.rule === 'linear' && !(x.floor < x.target))
			out.push({ key: 'whatif.floor', params: { id } });
		if (x.rule === 'linear_lower' && !(x.target < x.ceiling))
			out.push({ key: 'whatif.ceiling', params: { id } });
		if (x.rule === 'band' && !(x.low < x.high && x.falloff > 0))
			out.push({ key: 'whatif.band', params: { id } });
	}
	for (const t of s.tiers)
		if (!/^(\d+-\d+|last \d+)$/.test(t.ranks))
			out.push({ key: 'whatif.tier', params: { name: t.name } });
	return out;
}

/** The edits as one URL parameter value (base64url JSON, a few hundred bytes at most). */
export function encodeEdits(e: SchemeEdits): string {
	const bytes = new TextEncoder().encode(JSON.stringify(e));
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Edits read back from the URL; anything malformed or unknown to the scheme is dropped. */
export function decodeEdits(text: string | null, scheme: Scheme): SchemeEdits {
	const edits = noEdits();
	if (!text) return edits;
	try {
		const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		const raw = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
		for (const [id, values] of Object.entries(raw?.indicators ?? {})) {
			const s = scheme.indicators[id];
			if (!s || typeof values !== 'object' || values === null) continue;
			const keys = editableKeys(s) as string[];
			for (const [k, v] of Object.entries(values))
				if (keys.includes(k) && typeof v === 'number' && Number.isFinite(v))
					(edits.indicators[id] ??= {})[k as BoundKey] = v;
		}
		for (const [name, ranks] of Object.entries(raw?.tiers ?? {}))
			if (scheme.tiers.some((t) => t.name === name) && typeof ranks === 'string')
				edits.tiers[name] = ranks;
	} catch {
		return noEdits();
	}
	return edits;
}

/**
 * The edited scheme as a YAML file for `kaoping assess --scheme FILE`, named as edited. The YAML
 * writer is loaded on the click, not with the rankings page: no page load needs it.
 */
export async function schemeYaml(s: Scheme, lang: 'zh' | 'en'): Promise<string> {
	const { stringify } = await import('yaml');
	const named = { ...s, name: `${s.name}（方案模拟）`, name_en: `${s.name_en} (what-if)` };
	const head =
		lang === 'zh'
			? '# 方案模拟导出：可用 kaoping assess --scheme 本文件 重现同样的排名\n'
			: '# What-if scheme: kaoping assess --scheme THIS_FILE reproduces the same ranking\n';
	return head + stringify(named);
}
