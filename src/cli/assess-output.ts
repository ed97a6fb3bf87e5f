import type { Assessment, Card, CardStatus, UnitAssessment } from '../lib/assess';
import type { Catalog } from '../lib/config';
import type { UnitChance } from '../lib/assess/chance';
import { csvExport, type CsvCell } from '../lib/format';
import { displayWidth, pad } from './text-width';

export type AssessFormat = 'table' | 'csv' | 'json';
export const assessFormats: readonly AssessFormat[] = ['table', 'csv', 'json'];

const cardZh: Record<Card, string> = { red: '红牌', black: '黑牌', yellow: '黄牌' };
const statusZh: Record<CardStatus, string> = {
	issued: '新挂',
	held: '续挂',
	escalated: '升级',
	lifted: '摘牌'
};
const unitSuffix: Record<Catalog['indicators'][number]['unit'], string> = {
	percent: '（%）',
	permille: '（‰）',
	ratio: '',
	count: ''
};
const levelZh = { township: '乡镇', village: '村（居）' } as const;

/** What `kaoping assess` prints, in one of its three formats. */
export function formatAssessment(
	a: Assessment,
	units: readonly UnitAssessment[],
	catalog: Catalog,
	format: AssessFormat,
	chance: ReadonlyMap<string, UnitChance> = new Map()
): string {
	if (format === 'json')
		return `${JSON.stringify(
			units.map((u) => withChance(u, chance.get(u.code))),
			null,
			2
		)}\n`;
	if (format === 'csv') return assessmentCsv(units, catalog);
	return assessmentTable(a, units);
}

/** JSON with the honest-comparison fields of INTERFACES.md beside the official result. */
function withChance(u: UnitAssessment, c: UnitChance | undefined) {
	const json = JSON.parse(JSON.stringify(u)) as Record<string, unknown> & {
		indicators: Record<string, Record<string, unknown>>;
	};
	json.rank_interval = c?.rank_interval ?? null;
	json.tier_probability = c?.tier_probability ?? null;
	for (const [id, ind] of Object.entries(json.indicators))
		Object.assign(ind, c?.indicators[id] ?? { funnel: null, limits95: null, limits998: null });
	return json;
}

const change = (d: number | null) => (d === null ? '' : d > 0 ? `+${d}` : String(d));

/** For a terminal: columns lined up by display width (汉字 are two columns wide). */
function assessmentTable(a: Assessment, units: readonly UnitAssessment[]): string {
	const header = ['名次', '变化', '代码', '单位', '得分', '等次', '牌', '状态', '原因'];
	const rows = units.map((u) => [
		u.rank === null ? '未排名' : String(u.rank),
		change(u.rank_change),
		u.code,
		u.name,
		u.score.toFixed(2),
		u.tier ?? '',
		u.card ? cardZh[u.card] : '',
		u.card_status ? statusZh[u.card_status] : ''
	]);
	const right = new Set([0, 1, 4]);
	const widths = header
		.slice(0, -1)
		.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]))));
	const line = (cells: string[], reason: string) =>
		[...cells.map((x, c) => pad(x, widths[c], right.has(c) ? 'right' : 'left')), reason]
			.join('  ')
			.trimEnd();
	const indent = ' '.repeat(widths.reduce((s, w) => s + w + 2, 0));
	const title = [
		a.scheme,
		a.period,
		`${levelZh[a.level]} ${units.length} 个`,
		a.previous_period ? `变化对比 ${a.previous_period}` : '无上期'
	].join(' · ');
	const body = units.flatMap((u, k) => {
		const [first = '', ...more] = u.reasons;
		return [line(rows[k], first), ...more.map((r) => indent + r)];
	});
	const notes = [...a.notes, ...unitNotes(units)];
	return [
		title,
		'',
		line(header.slice(0, -1), header[header.length - 1]),
		...body,
		...(notes.length ? ['', '说明：', ...notes.map((n) => `  ${n}`)] : []),
		''
	].join('\n');
}

/** A note every unit shares (villages have no task of their own) is said once, not per unit. */
function unitNotes(units: readonly UnitAssessment[]): string[] {
	const count = new Map<string, number>();
	for (const u of units) for (const n of u.notes) count.set(n, (count.get(n) ?? 0) + 1);
	const everyone = [...count].filter(([, c]) => c === units.length).map(([n]) => n);
	const shared = new Set(everyone);
	return [
		...everyone.map((n) => `全部 ${units.length} 个单位：${n}`),
		...units.flatMap((u) => u.notes.filter((n) => !shared.has(n)).map((n) => `${u.name}：${n}`))
	];
}

/** For Excel: UTF-8 with a BOM, formula-safe cells, one column pair (value, points) per indicator. */
function assessmentCsv(units: readonly UnitAssessment[], catalog: Catalog): string {
	const ids = units.length ? Object.keys(units[0].indicators) : [];
	const byId = new Map(catalog.indicators.map((i) => [i.id, i]));
	const header = [
		'代码',
		'单位',
		'级别',
		'上级代码',
		'期间',
		'得分',
		'名次',
		'名次变化',
		'等次',
		'牌',
		'牌状态',
		'原因',
		'考核方案',
		...ids.flatMap((id) => {
			const name = `${byId.get(id)?.name.zh ?? id}${unitSuffix[byId.get(id)?.unit ?? 'count']}`;
			return [name, `${byId.get(id)?.name.zh ?? id}得分`];
		})
	];
	const rows = units.map((u): CsvCell[] => [
		u.code,
		u.name,
		levelZh[u.level],
		u.parent_code,
		u.period,
		u.score,
		u.rank,
		u.rank_change,
		u.tier,
		u.card && cardZh[u.card],
		u.card_status && statusZh[u.card_status],
		u.reasons.join('；'),
		u.scheme,
		...ids.flatMap((id) => {
			const x = u.indicators[id];
			const decimals = byId.get(id)?.decimals ?? 2;
			// numbers stay numbers, so Excel sorts them; an empty cell is no data, never 0
			return [x.value === null ? null : Number(x.value.toFixed(decimals)), x.score];
		})
	]);
	return csvExport(header, rows);
}
