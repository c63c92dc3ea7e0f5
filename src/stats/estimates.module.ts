import { Module } from '@nestjs/common';
import { WaitEstimatesRepository } from './wait-estimates.repository';
import { WaitEstimator } from './wait-estimator';

/** The estimated wait, shared by intake, approved answers and the live figures. */
@Module({
  providers: [WaitEstimatesRepository, WaitEstimator],
  exports: [WaitEstimator],
})
export class EstimatesModule {}
