// Fleets: one tournament template, many tenants, each its own model. Manifest schemas, deterministic
// sharding, the merge of shard results, the above-chance verdict, budget splits, tenant data
// checks and the retrain decision — storage-free; the CLI keeps them in a fleet folder.
export * from './above-chance';
export * from './budget';
export * from './manifest';
export * from './merge';
export * from './retrain-decision';
export * from './shard';
export * from './tenant-data';
