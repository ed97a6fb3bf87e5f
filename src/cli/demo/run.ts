import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalog } from '../../lib/config/catalog-schema';
import { incidentsOf, tasksOf, type TaskRow } from './extras';
import { layoutFor } from './layouts';
import { buildModel, type DemoOptions, type FileFormat } from './model';
import { townshipYears } from './reports';
import { encodeReport, incidentsCsv, prepareOutDir, reportPath, tasksCsv, unitsCsv } from './write';

export interface DemoSummary {
	counties: number;
	townships: number;
	villages: number;
	rows: number;
	/** Village-months left out on purpose. */
	missing: number;
	files: Record<FileFormat, number>;
	tasks: number;
	incidents: number;
}

/**
 * Writes the whole raw input directory. Report files are generated and written one
 * township-year at a time, so memory stays flat however large the province.
 */
export function writeDemo(
	dir: string,
	options: DemoOptions,
	catalog: Catalog,
	onFile: (done: number, total: number, file: string) => void = () => {}
): DemoSummary {
	prepareOutDir(dir);
	const model = buildModel(options);
	writeFileSync(join(dir, 'units.csv'), unitsCsv(model));

	const summary: DemoSummary = {
		counties: model.counties.length,
		townships: model.townships.length,
		villages: model.townships.reduce((s, t) => s + t.villages.length, 0),
		rows: 0,
		missing: 0,
		files: { xlsx: 0, 'gbk-names': 0, 'gbk-aliases': 0, 'utf8-ids': 0 },
		tasks: 0,
		incidents: 0
	};
	const total = model.townships.length * model.years.length;
	const made = new Set<string>();
	const tasks: TaskRow[] = [];
	let done = 0;
	for (const t of model.townships) {
		const layout = layoutFor(t, catalog);
		for (const ty of townshipYears(model, t)) {
			const path = reportPath(ty.year, t.code, t.name, layout.ext);
			const yearDir = dirname(join(dir, path));
			if (!made.has(yearDir)) {
				mkdirSync(yearDir, { recursive: true });
				made.add(yearDir);
			}
			writeFileSync(join(dir, path), encodeReport(layout, ty.rows));
			tasks.push(...tasksOf(ty));
			summary.rows += ty.rows.length;
			summary.missing += ty.missing;
			summary.files[layout.format]++;
			onFile(++done, total, path);
		}
	}
	const incidents = incidentsOf(model);
	writeFileSync(join(dir, 'tasks.csv'), tasksCsv(tasks));
	writeFileSync(join(dir, 'incidents.csv'), incidentsCsv(incidents));
	summary.tasks = tasks.length;
	summary.incidents = incidents.length;
	return summary;
}
