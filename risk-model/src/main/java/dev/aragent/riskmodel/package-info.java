/**
 * The payment-risk learner behind {@link dev.aragent.agent.spi.RiskLearner}: {@link
 * dev.aragent.riskmodel.LightGbmLearner} (LightGBM through LightGBM4j, native library shipped in its jar) and {@link
 * dev.aragent.riskmodel.ModelFiles}, which writes each trained model as one versioned JSON file with its schema,
 * calibration, baseline and held-out metrics.
 */
@NullMarked
package dev.aragent.riskmodel;

import org.jspecify.annotations.NullMarked;
