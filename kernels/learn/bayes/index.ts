// The naive Bayes family: Gaussian + categorical likelihoods in one classifier.
export { fitNaiveBayes } from './fit-naive-bayes';
export type { BayesParams } from './fit-naive-bayes';
export { NaiveBayesModel, loadBayesModel, BAYES_FORMAT } from './naive-bayes-model';
export type { NaiveBayesState, ResolvedBayesParams } from './naive-bayes-model';
export type { FeatureLikelihood, GaussianFeature, CategoricalFeature } from './feature-likelihood';
