import { ValidateBy, ValidationOptions } from 'class-validator';
import { OmittableNotNull } from '../../../common/validation/field-decorators';

/** Upper bound for every delay in a rule: Bull delays past ~24.8 days overflow Node's timers. */
export const MAX_RULE_DELAY_SECONDS = 7 * 24 * 3600;

/**
 * The field may be left out, but not sent as null: the engine reads an absent condition as
 * "not given", and a stored null would silently mean something else.
 */
export const OptionalField = OmittableNotNull;

/** Escalation steps are reached in time order, so each must come strictly later than the one before. */
export function AfterSecondsStrictlyIncrease(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'afterSecondsStrictlyIncrease',
      validator: {
        validate: (steps: unknown) => !Array.isArray(steps) || strictlyIncreasing(steps.map(afterSecondsOf)),
        defaultMessage: (args) => `${args?.property ?? 'steps'} afterSeconds must strictly increase from one step to the next`,
      },
    },
    options,
  );
}

function afterSecondsOf(step: unknown): unknown {
  return typeof step === 'object' && step !== null ? (step as { afterSeconds?: unknown }).afterSeconds : undefined;
}

/** Non-numeric entries are left to the step's own validation. */
function strictlyIncreasing(values: unknown[]): boolean {
  const numbers = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (numbers.length !== values.length) return true;
  return numbers.every((value, index) => index === 0 || value > numbers[index - 1]);
}
