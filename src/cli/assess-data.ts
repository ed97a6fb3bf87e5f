import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	assess,
	assessmentPeriods,
	rectificationMonths,
	schemeForPeriod,
	type AssessedLevel,
	type Assessment,
	type Incident,
	type Unit
} from '../lib/assess';
import { loadConfig, type Config, type Scheme } from '../lib/config';
import { parseScheme } from '../lib/config/scheme';
import { createNodeConnector } from '../lib/connector/node';
import { rowsOf, type Connector } from '../lib/connector/types';
import { SCHEMA_VERSION, type Manifest } from '../lib/extract/schema';
import { parseReportMonth, type Period } from '../lib/periods';
import { indicatorValuesSql } from '../lib/query/indicators';
import type { IndicatorRow } from '../lib/query/types';
import { ident } from '../lib/sql/quote';
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
		const schemes = new Map(config.schemes);
		let scheme: Scheme;
		if (req.schemeFile) {
			scheme = parseScheme(readFileSync(req.schemeFile, 'utf8'), config.catalog, req.schemeFile);
			schemes.set(scheme.year, scheme);
			if (scheme.year !== req.period.year)
				notes.push(`${req.schemeFile} 是 ${scheme.year} 年的方案，用于 ${req.period.text}`);
		} else {
			const choice = schemeForPeriod(schemes, req.period);
			if (!choice) throw new Error('the extract set has no assessment scheme (scheme-YYYY.yaml)');
			scheme = choice.scheme;
			if (choice.note) notes.push(choice.note.zh);
		}
		const earlier = assessmentPeriods(schemes, req.period).slice(0, -1);
		// a village's card does not carry over (lib/assess historyThatCounts): its last period is enough
		const history = (req.level === 'village' ? earlier.slice(-1) : earlier).map((p) => ({
			period: p,
			scheme: schemeForPeriod(schemes, p)?.scheme ?? scheme
		}));
		const checks = req.level === 'village' ? rectificationMonths(scheme, req.period) : [];
		const indicators = indicatorsOf([scheme, ...history.map((h) => h.scheme)]);
		const sql = indicatorValuesSql(config.catalog, {
			level: req.level,
			indicators,
			period: [...history.map((h) => h.period), req.period, ...checks]
		});
		const values = rowsOf<IndicatorRow>(await db.query(sql));
		const units = await unitsOf(db);
		const assessment = assess(values, scheme, {
			catalog: config.catalog,
			units,
			level: req.level,
			period: req.period,
			history,
			incidents: await incidentsOf(db),
			checks
		});
		return { assessment, config, units, notes };
	} finally {
		await db.close();
	}
}

/** The configuration the set was built with (manifest.json names the files). */
function publishedConfig(dir: string, manifest: Manifest): Config {
	const read = (file: string) => ({ text: readFileSync(join(dir, file), 'utf8'), source: file });
	return loadConfig(
		read(manifest.config.indicators.file),
		manifest.config.schemes.map((s) => read(s.file))
	);
}

/** Every indicator the schemes score, and those their card rules count (政策外多孩出生). */
function indicatorsOf(schemes: readonly Scheme[]): string[] {
	const ids = new Set<string>();
	for (const s of schemes) {
		Object.keys(s.indicators).forEach((id) => ids.add(id));
		for (const c of [...s.cards.red, ...s.cards.black, ...s.cards.yellow])
			if (c.when === 'count_at_least') ids.add(c.indicator);
	}
	return [...ids];
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

async function unitsOf(db: Connector): Promise<Unit[]> {
	const cols = ['code', 'name', 'level', 'parent_code'].map(ident).join(', ');
	return rowsOf<Unit>(await db.query(`SELECT ${cols} FROM ${ident('units')}`));
}

async function incidentsOf(db: Connector): Promise<Incident[]> {
	const cols = ['code', 'date', 'type', 'count'].map(ident).join(', ');
	return rowsOf<Incident>(await db.query(`SELECT ${cols} FROM ${ident('incidents')}`));
}
