import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessedLevel, Assessment, Incident, Unit } from '../lib/assess';
import { chanceOf, type UnitChance } from '../lib/assess/chance';
import type { Config } from '../lib/config';
import { loadConfig } from '../lib/config/load';
import { parseScheme } from '../lib/config/scheme';
import { createNodeConnector } from '../lib/connector/node';
import { rowsOf } from '../lib/connector/types';
import { SCHEMA_VERSION, type Manifest } from '../lib/extract/schema';
import { parseReportMonth, type Period } from '../lib/periods';
import type { IndicatorRow } from '../lib/query/types';
import {
	assessmentUnitsQuery,
	assessmentValuesQuery,
	incidentsQuery,
	planAssessment,
	runAssessment as judge
} from '../lib/views/assessment';
import type { ViewQuery } from '../lib/views/view-query';
import { UsageError } from './args';
import { openExtractSet } from './extract-set';

export interface AssessRequest {
	data: string;
	period: Period;
	level: AssessedLevel;
	/** A scheme file to judge the period with instead of the published one. */
	schemeFile?: string;
}

export interface AssessRun {
	assessment: Assessment;
	config: Config;
	units: Unit[];
	/** For stderr: a borrowed scheme, data ending inside the period. */
	notes: string[];
	/** Rank intervals, tier probabilities and funnel places (METHODS.md), by unit code. */
	chance: Map<string, UnitChance>;
}

/**
 * Everything `kaoping assess` needs from a published set, with the SQL the browser runs: the
 * set's own configuration, its units and incidents, and one indicator query over the period,
 * its earlier assessment periods and (villages) the rectification months.
 */
export async function runAssessment(req: AssessRequest): Promise<AssessRun> {
	if (!existsSync(join(req.data, 'manifest.json')))
		throw new Error(
			`${req.data} holds no extract set (manifest.json): publish one with kaoping build`
		);
	const db = await createNodeConnector();
	try {
		const manifest = await openExtractSet(db, req.data);
		if (manifest.schema_version !== SCHEMA_VERSION)
			throw new Error(
				`${req.data} was built by another version (schema ${manifest.schema_version}, this is ${SCHEMA_VERSION}): build it again`
			);
		const notes = coverageNotes(manifest, req.period);
		const config = publishedConfig(req.data, manifest);
		const override = req.schemeFile
			? parseScheme(readFileSync(req.schemeFile, 'utf8'), config.catalog, req.schemeFile)
			: undefined;
		if (override && override.year !== req.period.year)
			notes.push(`${req.schemeFile} 是 ${override.year} 年的方案，用于 ${req.period.text}`);
		const plan = planAssessment(config.schemes, req.period, req.level, override);
		if (!plan) throw new Error('the extract set has no assessment scheme (scheme-YYYY.yaml)');
		if (plan.note) notes.push(plan.note.zh);
		// the same three queries and the same judgement as the 排名 page
		const rows = async <T>(q: ViewQuery) => rowsOf<T>(await db.query(q.sql));
		const values = await rows<IndicatorRow>(assessmentValuesQuery(config, plan));
		const units = await rows<Unit>(assessmentUnitsQuery());
		const assessment = judge(config, plan, values, units, await rows<Incident>(incidentsQuery()));
		// ranked together = the same county: a township's parent, a village's grandparent
		const parents = new Map(units.map((u) => [u.code, u.parent_code]));
		const chance = chanceOf(assessment, plan.scheme, config.catalog, req.period, {
			groupOf: (u) =>
				(req.level === 'village' ? parents.get(u.parent_code ?? '') : u.parent_code) ?? ''
		});
		return { assessment, config, units, notes, chance };
	} finally {
		await db.close();
	}
}

/** The configuration the set was built with (manifest.json names the files). */
export function publishedConfig(dir: string, manifest: Manifest): Config {
	const read = (file: string) => ({ text: readFileSync(join(dir, file), 'utf8'), source: file });
	return loadConfig(
		read(manifest.config.indicators.file),
		manifest.config.schemes.map((s) => read(s.file))
	);
}

/** A period outside the data is a usage error; one the data end inside is said on stderr. */
function coverageNotes(manifest: Manifest, period: Period): string[] {
	const from = parseReportMonth(manifest.periods.from);
	const to = parseReportMonth(manifest.periods.to);
	if (from === null || to === null) return [];
	if (period.to < from || period.from > to)
		throw new UsageError(
			`--period ${period.text} is outside the data, which cover ${manifest.periods.from} to ${manifest.periods.to}`
		);
	return period.to > to ? [`数据截至 ${manifest.periods.to}，${period.text} 尚未结束`] : [];
}
