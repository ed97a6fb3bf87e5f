/**
 * Statistical methods (README, "Honest comparison"): whether a difference between units is
 * larger than chance. Pure, synchronous, dependency-free; deterministic for a seed.
 */
export * from './binomial';
export * from './funnel';
export * from './normal';
export * from './outliers';
export * from './outlier-groups';
export * from './completeness';
export * from './overdispersion';
export * from './quantile';
export * from './random';
export * from './rank-interval';
export * from './ranks';
export * from './sensitivity';
export * from './wilson';
