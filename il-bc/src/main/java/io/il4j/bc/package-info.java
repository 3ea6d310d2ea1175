/**
 * Behavioral cloning: deterministic (MSE), Gaussian, mixture-density and categorical policy heads on an
 * MLP trunk, goal-conditioned BC with hindsight relabeling, optional frame history, and policy files.
 *
 * <p>Train and save:
 * <pre>
 * Dataset data = DatasetFiles.load(Path.of("datasets/driving/expert.csv")).dataset();
 * TrainedPolicy t = BcTrainer.train(data, BcConfig.defaults(HeadType.GAUSSIAN), new TrainingProgress("train bc"));
 * t.save(Path.of("policy.zip"));
 * </pre>
 * Load and act from a simulation loop (no DL4J call; allocation-free; thread-safe unless the policy
 * has frame history or samples, see {@link io.il4j.bc.BcPolicy}):
 * <pre>
 * Policy policy = Policies.load(Path.of("policy.zip"));
 * policy.act(observation, action);
 * </pre>
 */
package io.il4j.bc;
