/**
 * Payment risk: per-invoice {@link dev.aragent.agent.risk.Features} computed only from what was known on the day
 * scored, a learned model behind the {@link dev.aragent.agent.spi.RiskLearner} port with calibrated probabilities and
 * per-invoice factors in plain words, an aging-only baseline and cold-start fallback, and the evaluation figures (AUC,
 * log loss, calibration). Start with {@link dev.aragent.agent.risk.RiskTrainer} and {@link
 * dev.aragent.agent.risk.RiskModel}.
 */
@NullMarked
package dev.aragent.agent.risk;

import org.jspecify.annotations.NullMarked;
