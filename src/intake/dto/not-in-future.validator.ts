import { registerDecorator, ValidationArguments } from 'class-validator';

/** An ISO timestamp no later than now plus `skewMs`; unparsable values are left to @IsISO8601. */
export function NotInFuture(skewMs: number) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${args.property} must not be in the future` },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const time = Date.parse(value);
          return Number.isNaN(time) || time <= Date.now() + skewMs;
        },
      },
    });
}
