export { bucketPeriods, bucketRows, bucketsCte, monthIndexSql } from './buckets';
export type { BucketRow, Reach } from './buckets';
export {
	bucketMonthsCte,
	monthTable,
	periodTermsCte,
	termsCte,
	unitFilterSql,
	unitMonthsCte,
	unitTasksCte
} from './base';
export { indicatorExpr, planIndicators, termAggregateSql, termKey } from './terms';
export type { IndicatorExpr, Plan, TermUse } from './terms';
export {
	indicatorSelect,
	indicatorSeriesSql,
	indicatorsSql,
	indicatorValuesSql
} from './indicators';
export type { IndicatorsQuery } from './indicators';
export { indicatorRowColumns, levels } from './types';
export type { IndicatorRow, Level, SeriesSpec, UnitSelection, ValuesSpec } from './types';
