import { headerLookup, parseCatalog } from '../../lib/config/catalog';
import type { ConfigText } from '../../lib/config';
import type { Lang } from './issues';
import { ReportRowValidator } from './report-row';
import type { ReadContext } from './reports';
import type { UnitRecord } from './units';

/** Everything a reader needs, in a form that crosses to a worker thread (structured clone). */
export interface ReadSetup {
	indicators: ConfigText;
	units: UnitRecord[];
	/** Day number of the build date: later submission dates are impossible. */
	today: number;
	lang: Lang;
}

export function readContext(setup: ReadSetup): ReadContext {
	const catalog = parseCatalog(setup.indicators.text, setup.indicators.source);
	const units = new Map(setup.units.map((u) => [u.code, u]));
	return {
		catalog,
		lookup: headerLookup(catalog),
		validator: new ReportRowValidator(catalog, units, setup.today),
		lang: setup.lang
	};
}
