import type { Catalog } from '../config/catalog-schema';
import { formatIndicatorValue, formatNumber, formatPeriodKey } from '../format';
import type { ArrearsLine } from './score';
import type { Card } from './types';

/** The zh and en wording of every card reason, kept apart so cards.ts reads as rules. */
export interface Texts {
	zh: string;
	en: string;
}

export const cardName: Record<Card, Texts> = {
	red: { zh: '红牌', en: 'red card' },
	black: { zh: '黑牌', en: 'black card' },
	yellow: { zh: '黄牌', en: 'yellow card' }
};

// A full-width bracket carries its own space in Chinese type: "…）→ 黄牌", "49.40% ≥ 1 → 红牌".
const arrow = (t: Texts, card: Card): Texts => ({
	zh: `${t.zh}${t.zh.endsWith('）') ? '' : ' '}→ ${cardName[card].zh}`,
	en: `${t.en} → ${cardName[card].en}`
});

// Scores stay below 1,000, so no thousands separator: plain toFixed is 10× cheaper than formatNumber.
export const points = (x: number): string =>
	Math.abs(x) < 1000 ? x.toFixed(2) : formatNumber(x, 2);

const QUIET: Texts = Object.freeze({ zh: '', en: '' });

export class ReasonText {
	private readonly indicators: Map<string, Catalog['indicators'][number]>;
	private readonly incidentNames: Map<string, string>;

	constructor(catalog: Catalog) {
		this.indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
		this.incidentNames = new Map(catalog.incident_types.map((t) => [t.id, t.en]));
	}

	/**
	 * Wording that says nothing, for the periods before the assessed one: their cards decide
	 * the lifecycle, but nobody reads their reasons.
	 */
	static quiet(catalog: Catalog): ReasonText {
		const text = new ReasonText(catalog);
		for (const method of Object.getOwnPropertyNames(ReasonText.prototype))
			if (method !== 'constructor') Object.defineProperty(text, method, { value: () => QUIET });
		return text;
	}

	name(id: string): Texts {
		const i = this.indicators.get(id);
		return i ? { zh: i.name.zh, en: i.name.en } : { zh: id, en: id };
	}

	value(id: string, v: number): string {
		const i = this.indicators.get(id);
		return i ? formatIndicatorValue(v, i, 'zh') : formatNumber(v, 2);
	}

	count(id: string, count: number, atLeast: number, card: Card): Texts {
		const n = this.name(id);
		return arrow(
			{ zh: `${n.zh} ${count} 例 ≥ ${atLeast}`, en: `${n.en} ${count} ≥ ${atLeast}` },
			card
		);
	}

	incident(type: string, count: number, date: string, where: string, card: Card): Texts {
		const en = this.incidentNames.get(type) ?? type;
		return arrow(
			{ zh: `${type} ${count} 起（${date}，${where}）`, en: `${en} ×${count} (${date}, ${where})` },
			card
		);
	}

	lastPlace(years: number, rank: number, ranked: number, card: Card): Texts {
		return arrow(
			{
				zh: `连续 ${years} 年综合排名末位（本期第 ${rank} 名/共 ${ranked} 个）`,
				en: `ranked last ${years} years running (now ${rank} of ${ranked})`
			},
			card
		);
	}

	/** `tier`: its name in each language (the scheme's `name` and `name_en`). */
	tier(tier: Texts, rank: number, ranked: number, card: Card): Texts {
		return arrow(
			{
				zh: `考核等次 ${tier.zh}（第 ${rank} 名/共 ${ranked} 个）`,
				en: `tier "${tier.en}" (rank ${rank} of ${ranked})`
			},
			card
		);
	}

	/** "社会抚养费征收到位率 49.40% 低于欠帐线 60.00%（得 5.82 分，不足 15 分的 60%）→ 黄牌" */
	arrears(
		id: string,
		value: number,
		line: ArrearsLine,
		score: number,
		weight: number,
		share: number,
		card: Card
	): Texts {
		const n = this.name(id);
		const v = this.value(id, value);
		const pct = `${Math.round(share * 100)}%`;
		const where = {
			below: (l: number) => [
				`低于欠帐线 ${this.value(id, l)}`,
				`below the arrears line ${this.value(id, l)}`
			],
			above: (l: number) => [
				`高于欠帐线 ${this.value(id, l)}`,
				`above the arrears line ${this.value(id, l)}`
			]
		};
		const [zh, en] =
			line.kind === 'below' || line.kind === 'above'
				? where[line.kind](line.line)
				: line.kind === 'outside'
					? [
							`超出欠帐范围 ${this.value(id, line.low)}–${this.value(id, line.high)}`,
							`outside ${this.value(id, line.low)}–${this.value(id, line.high)}`
						]
					: ['不为 0', 'not zero'];
		return arrow(
			{
				zh: `${n.zh} ${v} ${zh}（得 ${points(score)} 分，不足 ${points(weight)} 分的 ${pct}）`,
				en: `${n.en} ${v} ${en} (${points(score)} of ${points(weight)} points, under ${pct})`
			},
			card
		);
	}

	arrearsCount(ids: string[], atLeast: number, card: Card): Texts {
		const zh = ids.map((id) => this.name(id).zh).join('、');
		const en = ids.map((id) => this.name(id).en).join(', ');
		return arrow(
			{
				zh: `${ids.length} 项重点指标欠帐较大（${zh}）≥ ${atLeast}`,
				en: `${ids.length} key indicators in arrears (${en}) ≥ ${atLeast}`
			},
			card
		);
	}

	notLifted(previous: Card, period: string, card: Card): Texts {
		const p = cardName[previous];
		return arrow(
			{
				zh: `上期（${formatPeriodKey(period, 'zh')}）${p.zh}未摘：本期仍有${p.zh}条件`,
				en: `the ${p.en} of ${formatPeriodKey(period, 'en')} is not lifted: its conditions still hold`
			},
			card
		);
	}

	lifted(previous: Card, period: string): Texts {
		const p = cardName[previous];
		return {
			zh: `上期（${formatPeriodKey(period, 'zh')}）${p.zh}摘牌：本期其条件均不成立`,
			en: `the ${p.en} of ${formatPeriodKey(period, 'en')} is lifted: none of its conditions holds now`
		};
	}

	villageLowest(score: number, lowest: number, rank: number, ranked: number, card: Card): Texts {
		return arrow(
			{
				zh: `后进村：综合得分 ${points(score)}，居全县最低 ${lowest} 个村之列（第 ${rank} 名/共 ${ranked} 个）`,
				en: `lagging village: score ${points(score)}, among the county's lowest ${lowest} (rank ${rank} of ${ranked})`
			},
			card
		);
	}

	rectified(month: string, rank: number, lowest: number): Texts {
		return {
			zh: `${formatPeriodKey(month, 'zh')}检查：第 ${rank} 名，已不在最低 ${lowest} 个村之列 → 摘牌`,
			en: `${formatPeriodKey(month, 'en')} check: rank ${rank}, no longer among the lowest ${lowest} → card lifted`
		};
	}

	notRectified(months: string[], lowest: number, card: Card): Texts {
		return arrow(
			{
				zh: `整改期 ${months.length} 个月（${months.map((m) => formatPeriodKey(m, 'zh')).join('、')}）期满仍在最低 ${lowest} 个村之列`,
				en: `still among the lowest ${lowest} after the ${months.length}-month window (${months.map((m) => formatPeriodKey(m, 'en')).join(', ')})`
			},
			card
		);
	}

	noData(id: string): Texts {
		const n = this.name(id);
		return { zh: `${n.zh}：无数据，计 0 分`, en: `${n.en}: no data, 0 points` };
	}

	prorated(id: string, months: number): Texts {
		const n = this.name(id);
		return {
			zh: `${n.zh}：按时间进度（${months}/12）折算目标`,
			en: `${n.en}: floor and target prorated to ${months}/12 of the year`
		};
	}
}
